import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { describeRequest } from '../../app/describeRequest';
import { findPatientData } from '../../domain/text/patientData';
import type { OutcomeResult } from '../../app/outcomes/changeOutcomes';
import { cpdRecordFor } from '../../app/outcomes/cpdRecordFor';
import type { OutcomeServices } from '../../app/outcomes/outcomeServices';
import { recordCheckIn } from '../../app/outcomes/recordCheckIn';
import { submitFollowUp } from '../../app/outcomes/submitFollowUp';
import { submitOutcomeForm } from '../../app/outcomes/submitOutcomeForm';
import { HAPPENED_ANSWERS, type RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Person } from '../../domain/people';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';
import type { AdaptiveCardJson } from '../cards/cardTypes';
import { createCpdRecordCard } from '../cards/cpdRecordCard';
import { createFollowUpCard } from '../cards/followUpCard';
import { createHostOutcomeCard } from '../cards/hostOutcomeCard';
import { createOutcomeStatusCard } from '../cards/outcomeStatusCard';
import { returnVisitButton } from '../cards/returnVisitInviteCard';
import { createVisitorOutcomeCard } from '../cards/visitorOutcomeCard';
import { actorId } from '../identity';

/** Every outcome card names the visit only; the inputs come alongside, each capped. */
const VISIT = z.object({ requestId: z.string().uuid(), visitorId: z.string().min(1).max(100) });
const CHECK_IN = VISIT.extend({ answer: z.enum(HAPPENED_ANSWERS) });
const FORM = VISIT.catchall(z.union([z.string().max(5000), z.number(), z.boolean()]));

type Answer = AdaptiveCardJson | string;
type Form = z.infer<typeof FORM>;

const UNREADABLE =
  'I could not read that button, or I do not know who you are, so nothing has been recorded.';

/**
 * After-visit Universal Actions (verbs prefixed `outcome_`): did it happen, the visitor's and the
 * host's feedback, the three-month answer, and the CPD record. The answer replaces the clicked
 * card: the next form, thanks, or why nothing was recorded.
 */
export function registerOutcomeActions(
  app: Application<AppTurnState>,
  services: OutcomeServices,
  logger: Logger,
): void {
  const execute = (
    verb: string,
    schema: z.ZodTypeAny,
    run: (actor: Person, data: Form & { answer?: string }) => Promise<Answer>,
  ) =>
    app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state, data): Promise<Answer> => {
      const parsed = schema.safeParse(data);
      const id = actorId(context);
      const actor = id ? await services.people.findById(id) : undefined;
      if (!parsed.success || !actor) {
        logger.warn(
          { activityId: context.activity.id, verb, parsed: parsed.success, knownActor: Boolean(actor) },
          'outcome action refused',
        );
        return UNREADABLE;
      }
      return run(actor, parsed.data as Form & { answer?: string });
    });

  execute('outcome_check_in', CHECK_IN, async (actor, data) => {
    const result = await recordCheckIn(
      services,
      actor,
      data.visitorId,
      data.requestId,
      data.answer as (typeof HAPPENED_ANSWERS)[number],
      services.clock(),
    );
    if (!result.ok) return refusalCard(result);
    services.notify(result.queued);
    return nextStep(result.request, actor);
  });
  execute('outcome_visitor', FORM, async (actor, data) => {
    const result = await submitOutcomeForm(
      services,
      'visitor',
      actor,
      data.visitorId,
      data.requestId,
      data,
      services.clock(),
    );
    if (!result.ok)
      return result.reason === 'invalid' && result.request
        ? createVisitorOutcomeCard(await view(result.request), {
            problem: result.refusal,
            previous: withoutPatientData(data),
          })
        : refusalCard(result);
    return cpdCard(actor, result.request, true);
  });
  execute('outcome_host', FORM, async (actor, data) => {
    const result = await submitOutcomeForm(
      services,
      'host',
      actor,
      data.visitorId,
      data.requestId,
      data,
      services.clock(),
    );
    if (!result.ok)
      return result.reason === 'invalid' && result.request
        ? createHostOutcomeCard(await view(result.request), {
            problem: result.refusal,
            previous: withoutPatientData(data),
          })
        : refusalCard(result);
    const seen = await view(result.request);
    const returnVisit = returnVisitButton(seen);
    return createOutcomeStatusCard(
      seen,
      'Thank you',
      returnVisit
        ? `Your feedback is recorded. It helps show what these visits are worth. Would you like to see how ${seen.visitor?.department ?? 'their team'} works in return? One click fills in the request for you.`
        : 'Your feedback is recorded. It helps show what these visits are worth.',
      returnVisit && [returnVisit],
    );
  });
  execute('outcome_follow_up', FORM, async (actor, data) => {
    const result = await submitFollowUp(
      services,
      actor,
      data.visitorId,
      data.requestId,
      data,
      services.clock(),
    );
    if (!result.ok)
      return result.reason === 'invalid' && result.request
        ? createFollowUpCard(await view(result.request), {
            problem: result.refusal,
            previous: withoutPatientData(data),
          })
        : refusalCard(result);
    return createOutcomeStatusCard(await view(result.request), 'Thank you', 'Your answer is recorded.');
  });
  execute('outcome_cpd', VISIT, async (actor, data) => {
    if (actor.id !== data.visitorId) return 'Only the visitor can see their CPD record.';
    const found = await services.requests.find(data.visitorId, data.requestId);
    return found
      ? cpdCard(actor, found.request as RequestWithOutcomes, false)
      : 'I could not find that visit among yours.';
  });

  const view = (request: RequestWithOutcomes) => describeRequest(services, request);
  /** A refused form comes back with the answers typed, except any that held patient data: those are never sent back. */
  const withoutPatientData = (data: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(data).filter(([, value]) => typeof value !== 'string' || !findPatientData(value)),
    );

  /** Someone the visit is not theirs to record is told so in a sentence: the card would show the visit. */
  async function refusalCard(result: Extract<OutcomeResult, { ok: false }>): Promise<Answer> {
    return result.request && result.reason !== 'not_party'
      ? createOutcomeStatusCard(await view(result.request), 'Nothing recorded', result.refusal)
      : result.refusal;
  }

  /** After "did it happen": the person's own form if there is one to fill in, else a note. */
  async function nextStep(request: RequestWithOutcomes, actor: Person): Promise<Answer> {
    const shown = await view(request);
    if (request.state === 'completed') {
      if (actor.id === request.visitorId && !request.outcomes?.visitor)
        return createVisitorOutcomeCard(shown);
      if (actor.id === request.hostId && !request.outcomes?.host) return createHostOutcomeCard(shown);
      return createOutcomeStatusCard(
        shown,
        'Thank you',
        'The visit is recorded as having happened, and your feedback is in.',
      );
    }
    if (request.state === 'no_show')
      return createOutcomeStatusCard(
        shown,
        'Recorded',
        'The visit is recorded as not having happened because the visitor did not come.',
      );
    return createOutcomeStatusCard(
      shown,
      'Recorded',
      'The visit is recorded as cancelled on the day. The others have been told.',
    );
  }

  async function cpdCard(actor: Person, request: RequestWithOutcomes, thanks: boolean): Promise<Answer> {
    const record = await cpdRecordFor(services, actor, request.id);
    if (!record.ok)
      return createOutcomeStatusCard(
        await view(request),
        'Thank you',
        thanks ? 'Your feedback is recorded.' : record.refusal,
      );
    return createCpdRecordCard(await view(request), record.text, { thanks });
  }
}
