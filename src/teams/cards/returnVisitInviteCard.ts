import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';
import { visitSummary } from './outcomeCardParts';
import { inertText } from './plainText';

/**
 * To a visitor whose host would like to visit their team in return, when the team has no offer
 * yet: would they offer a session? One button starts an offer.
 */
export function createReturnVisitInviteCard(view: RequestView, asker: string | undefined): AdaptiveCardJson {
  const who = asker?.trim() ? asker.trim() : 'Your host';
  return adaptiveCard(
    [
      ...visitSummary('Your host would like to visit your team', view),
      inertText([`${who} would like to visit your team in return for your shadowing visit.`], {
        maxLength: 400,
      }),
      inertText([
        'Your team has no offer to host visitors yet. Would you offer a session? It takes a few minutes, and you choose the days and how many visitors.',
      ]),
    ],
    [commandButton('Offer to host', 'offer_to_host')],
  );
}

/** The button on a host's after-visit card that starts a return visit to the visitor's team. */
export function returnVisitButton(view: RequestView): Record<string, unknown> | undefined {
  const department = view.visitor?.department;
  if (!department || view.request.state !== 'completed' || !view.request.hostId) return undefined;
  if (view.host && view.host.department.trim().toLowerCase() === department.trim().toLowerCase())
    return undefined;
  return {
    type: 'Action.Submit',
    title: `Visit ${shorten(department)} in return`,
    data: { verb: 'return_visit', requestId: view.request.id, visitorId: view.request.visitorId },
  };
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}
