import type { TurnContext } from 'botbuilder';
import { planReturnVisit } from '../../app/relationships/planReturnVisit';
import type { Services } from '../../app/services';
import type { Person } from '../../domain/people';
import type { AppTurnState } from '../appTurnState';
import type { CardPayload } from '../cardPayloads';
import { beginPrefilledRequest } from './requestDialogHandlers';

/**
 * "Visit their team in return", clicked by a host after a visit: a request to the visitor's team,
 * filled in, or, when that team has no offer, the visitor asked whether they would offer one.
 */
export async function startReturnVisit(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  payload: CardPayload<'return_visit'>,
): Promise<void> {
  const plan = await planReturnVisit(
    services,
    person,
    payload.visitorId,
    payload.requestId,
    services.clock(),
  );
  if (plan.kind === 'refused') return void (await context.sendActivity(plan.refusal));
  if (plan.kind === 'asked') {
    services.notify(plan.queued);
    return void (await context.sendActivity(
      plan.first
        ? `${plan.department} has no offer to host visitors yet, so I have asked ${plan.visitorName} whether they would offer a session. If they do, ask me for "a visit to ${plan.department}" and it will be there.`
        : `I have already asked ${plan.visitorName} whether ${plan.department} would offer a session; I have not asked again. If they do, ask me for "a visit to ${plan.department}".`,
    ));
  }
  await beginPrefilledRequest(
    context,
    state,
    person,
    services,
    plan.draft,
    `A return visit to ${plan.department}: I have filled in why and what you would like to learn. Pick a time, or change anything first.`,
  );
}
