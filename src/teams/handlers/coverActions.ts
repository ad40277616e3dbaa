import { pressedCard } from '../pressedCard';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { decideOnCover } from '../../app/decideOnCover';
import { describeRequest } from '../../app/describeRequest';
import type { Dispatcher } from '../../app/dispatcher';
import type { Services } from '../../app/services';
import { COVER_ACTIONS } from '../../domain/cover/coverTransitions';
import type { Person } from '../../domain/people';
import type { ShadowingRequest } from '../../domain/requests';
import { viewerOf } from '../../domain/workflow/viewers';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';
import type { AdaptiveCardJson } from '../cards/cardTypes';
import { createCoverFailedCard } from '../cards/coverFailedCard';
import { createCoverRequestCard, createCoverStatusCard } from '../cards/coverRequestCard';
import { createRequestCardFor } from '../cards/requestCardFor';
import { readCardAction, UNREADABLE_CARD_ACTION } from './readCardAction';

const COVER = z.object({
  action: z.enum(COVER_ACTIONS),
  requestId: z.string().uuid(),
  visitorId: z.string().min(1).max(100),
  // Long reasons are refused in words by the decision itself, not as an unreadable button.
  reason: z.string().max(20_000).optional(),
});

/**
 * What the person who clicked is told, true of the request as it is now: who else has been told
 * (not the manager, when the manager is the one who clicked), and whether the visit is agreed yet.
 */
function doneNote(action: (typeof COVER_ACTIONS)[number], request: ShadowingRequest, actor: Person): string {
  const told = actor.id === request.managerId ? 'The visitor has' : 'The manager and the visitor have';
  if (action === 'cover_arranged') return `Thank you: cover is marked as arranged. ${told} been told.`;
  if (action === 'cover_failed')
    return `Thank you: ${told.toLowerCase()} been told that cover cannot be arranged.`;
  return request.state === 'confirmed'
    ? 'You released them without cover. The visitor has been told; the visit goes ahead.'
    : 'You released them without cover. The visitor has been told; the visit goes ahead once the host has agreed it.';
}

/**
 * Universal Actions on cover cards (verb "cover"): arranged, cannot cover, release without cover.
 * The answer replaces the card clicked. Someone with no part in the request's cover is told only
 * that they cannot act on it.
 */
export function registerCoverActions(
  app: Application<AppTurnState>,
  services: Services,
  dispatcher: Dispatcher,
  logger: Logger,
): void {
  app.adaptiveCards.actionExecute(
    'cover',
    async (context, _state, data): Promise<AdaptiveCardJson | string> => {
      const read = await readCardAction(context, data, COVER, services, logger, 'cover decision refused');
      if (!read) return UNREADABLE_CARD_ACTION;
      const { actor, data: parsed } = read;
      const { action, requestId, visitorId, reason } = parsed;
      const result = await decideOnCover(
        services,
        actor,
        visitorId,
        requestId,
        action,
        reason,
        services.clock(),
      );
      if (!result.ok) {
        logger.info({ activityId: context.activity.id, requestId, action }, 'cover decision refused');
        if (!result.request) return result.refusal;
        return cardFor(
          services,
          actor,
          result.request,
          result.canTryAgain ? { problem: result.refusal } : { note: result.refusal },
        );
      }
      dispatcher.kick(result.queued, undefined, pressedCard(context, actor.id));
      return cardFor(services, actor, result.request, { note: doneNote(action, result.request, actor) });
    },
  );
}

/**
 * The card a party to the cover sees now: the manager (or a lead) a card about the request, the
 * one to act on if cover failed; whoever arranges cover the cover card, never the request itself.
 */
async function cardFor(
  services: Services,
  actor: Person,
  request: ShadowingRequest,
  message: { note?: string; problem?: string },
): Promise<AdaptiveCardJson> {
  const view = { ...(await describeRequest(services, request)), readerId: actor.id };
  const viewer = viewerOf(request, { id: actor.id, isProgrammeLead: actor.roles.includes('programme_lead') });
  const open = ['awaiting_host', 'host_proposed_time', 'confirmed'].includes(request.state);
  if (request.cover === 'pending' && open && (message.problem || actor.id === request.coverArrangerId))
    return createCoverRequestCard(view, message);
  if (viewer === 'manager' || viewer === 'programme_lead') {
    if (request.cover === 'failed' && !request.releasedWithoutCover && open)
      return createCoverFailedCard(view, message);
    return createRequestCardFor(viewer, view, message);
  }
  return createCoverStatusCard(view, message.problem ?? message.note);
}
