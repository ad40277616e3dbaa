import type { TurnContext } from 'botbuilder';
import { cancelRequest } from '../../app/cancelRequest';
import type { Services } from '../../app/services';
import type { Person } from '../../domain/people';
import { REQUEST_STATE_LABELS } from '../../domain/requestStateLabels';
import type { ShadowingRequest } from '../../domain/requests';
import { OPEN_STATES } from '../../domain/workflow/transitions';
import type { Logger } from '../../logging/logger';
import { createMyRequestsCard } from '../cards/myRequestsCard';
import { redrawPressedCard } from '../pressedCard';
import { showMyRequests } from './commandHandlers';

/** The answer to Cancel on "my requests": the others' messages are filed just after it (see afterAnswer). */
export const CANCELLED_FROM_LIST = "I have cancelled that request. I'm letting everyone involved know.";

/** Cancel pressed on a card that still offers it for a request that is over. */
export function nothingToCancel(request: ShadowingRequest): string {
  const status = REQUEST_STATE_LABELS[request.state].toLowerCase();
  return `That request is no longer open (${status}), so there is nothing to cancel. Nothing has been changed.`;
}

/**
 * "Cancel this request" on the visitor's request card or on "my requests" (a plain submit): the
 * answer, then their requests as they now stand. A card that still offers Cancel for a request that
 * is over (one whose record was lost is never redrawn) changes nothing: the press is answered in
 * those words, and the card pressed is redrawn in place as their requests now stand, without that
 * button; if it cannot be, the list is sent as after any cancel.
 */
export async function cancelFromCard(
  context: TurnContext,
  person: Person,
  requestId: string,
  services: Services,
  logger: Logger,
): Promise<void> {
  const actor = { id: person.id, isProgrammeLead: person.roles.includes('programme_lead') };
  const result = await cancelRequest(services, person.id, requestId, actor, services.clock());
  if (result.ok) {
    await context.sendActivity(CANCELLED_FROM_LIST);
    return showMyRequests(context, person, services);
  }
  const over = result.request && !OPEN_STATES.includes(result.request.state) ? result.request : undefined;
  await context.sendActivity(over ? nothingToCancel(over) : result.refusal);
  if (over) {
    const requests = await services.requests.listForVisitor(person.id);
    if (await redrawPressedCard(context, createMyRequestsCard(requests, OPEN_STATES), logger)) return;
  }
  await showMyRequests(context, person, services);
}
