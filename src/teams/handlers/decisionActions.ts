import { pressedCard } from '../pressedCard';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { decideOnRequest, type Decision } from '../../app/decideOnRequest';
import { describeRequest, type RequestView } from '../../app/describeRequest';
import { COVER_METHODS } from '../../domain/cover/coverMethods';
import { DECLINE_CATEGORIES } from '../../domain/cover/declineCategories';
import { createCoverRequestCard } from '../cards/coverRequestCard';
import type { Dispatcher } from '../../app/dispatcher';
import type { Services } from '../../app/services';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';
import type { AdaptiveCardJson } from '../cards/cardTypes';
import { createConfirmationCard } from '../cards/confirmationCard';
import { createRequestCardFor } from '../cards/requestCardFor';
import { createRequestStatusCard } from '../cards/requestStatusCard';
import { describeChange } from '../describeChange';
import { readCardAction, UNREADABLE_CARD_ACTION } from './readCardAction';
import { whenAnswered } from '../afterAnswer';

const DECIDE = z.object({
  action: z.enum([
    'approve',
    'decline_release',
    'accept',
    'decline_visit',
    'propose_time',
    'accept_time',
    'reject_time',
    'cancel',
    'cancel_for_cover',
  ]),
  requestId: z.string().uuid(),
  visitorId: z.string().min(1).max(100),
  // Long reasons are refused in words by the decision itself, not as an unreadable button.
  reason: z.string().max(20_000).optional(),
  slot: z.string().max(100).optional(),
  // Choices read as absent when they are not one of the card's own (an old or altered card).
  coverMethod: z.enum(COVER_METHODS).optional().catch(undefined),
  coverNote: z.string().max(20_000).optional(),
  declineCategory: z.enum(DECLINE_CATEGORIES).optional().catch(undefined),
});

/**
 * Universal Actions (Action.Execute) on request cards. The answer replaces the card the person
 * clicked, so it shows the decision, or where the request stands if someone got there first.
 * They read no bot state (see BotTurnState): the decision works from the request it reads.
 */
export function registerDecisionActions(
  app: Application<AppTurnState>,
  services: Services,
  dispatcher: Dispatcher,
  logger: Logger,
): void {
  app.adaptiveCards.actionExecute(
    'decide',
    async (context, _state, data): Promise<AdaptiveCardJson | string> => {
      const read = await readCardAction(context, data, DECIDE, services, logger, 'decision refused');
      if (!read) return UNREADABLE_CARD_ACTION;
      const { actor, data: parsed } = read;
      const decision = toDecision(parsed);
      if ('refusal' in decision) return decision.refusal;
      // Read now: the turn's context is gone by the time what follows the decision is filed.
      const pressed = pressedCard(context, actor.id);
      const result = await decideOnRequest(
        services,
        actor,
        parsed.visitorId,
        parsed.requestId,
        decision,
        services.clock(),
        {
          describe: true,
          // Filed after the answer; delivered with the earlier cards of those it sends nothing.
          deliver: (queued) => dispatcher.kick(queued, undefined, pressed),
          ...answeredAt(),
        },
      );
      if (!result.ok) {
        logger.info(
          { activityId: context.activity.id, requestId: parsed.requestId, action: decision.action },
          'decision refused',
        );
        if (!result.request || !result.viewer) return result.refusal;
        const view = {
          ...(await describeRequest(services, result.request, {
            withAlternatives: result.viewer === 'host' && result.request.state === 'awaiting_host',
          })),
          readerId: actor.id,
        };
        return createRequestCardFor(
          result.viewer,
          view,
          result.canTryAgain ? { problem: result.refusal } : { note: result.refusal },
        );
      }
      const view = {
        ...(result.view ?? (await describeRequest(services, result.request))),
        readerId: actor.id,
      };
      if (result.request.state === 'confirmed')
        return createConfirmationCard(view, { viewer: result.viewer });
      const arranging = await coverNoteFor(services, view, actor.id, result.noCoordinator);
      if (arranging.ownCard) return createCoverRequestCard(view, { note: arranging.note });
      const change = describeChange(view, result.viewer, actor.id);
      return createRequestStatusCard(
        view,
        arranging.note ? `${change} ${arranging.note}` : change,
        result.viewer,
      );
    },
  );
}

function toDecision(data: z.infer<typeof DECIDE>): Decision | { refusal: string } {
  if (data.action === 'propose_time') {
    const [start, end] = (data.slot ?? '').split('|');
    // The time itself is read strictly, and checked, by the decision.
    if (!start || !end) return { refusal: 'Please choose a time to propose first.' };
    return { action: 'propose_time', start, end };
  }
  if (data.action === 'decline_release')
    return {
      action: data.action,
      reason: data.reason,
      ...(data.declineCategory ? { declineCategory: data.declineCategory } : {}),
    };
  if (data.action === 'decline_visit' || data.action === 'cancel')
    return { action: data.action, reason: data.reason };
  if (data.action === 'approve')
    return {
      action: 'approve',
      ...(data.coverMethod ? { coverMethod: data.coverMethod } : {}),
      ...(data.coverNote !== undefined ? { coverNote: data.coverNote } : {}),
    };
  return { action: data.action };
}

/**
 * After an approval, what the manager is told about cover: who was handed it, or that it is
 * theirs to arrange (then their card becomes the cover card, to say when it is done).
 */
async function coverNoteFor(
  services: Services,
  view: RequestView,
  actorId: string,
  noCoordinator: boolean | undefined,
): Promise<{ ownCard: boolean; note?: string }> {
  const { request } = view;
  if (request.cover !== 'pending' || !request.coverArrangerId) return { ownCard: false };
  if (request.coverArrangerId !== actorId) {
    const coordinator = await services.people.findById(request.coverArrangerId);
    return {
      ownCard: false,
      note: `${coordinator?.name ?? 'The rota coordinator'} has been asked to arrange cover.`,
    };
  }
  const department = view.visitor?.department ?? 'their department';
  return {
    ownCard: true,
    note: noCoordinator
      ? `You approved the release. No rota coordinator is known for ${department}, so please arrange cover yourself, then press Cover arranged here.`
      : 'You approved the release. When the cover is in place, press Cover arranged here.',
  };
}

/** When this HTTP turn has answered, if it runs in one: what follows a decision starts then. */
function answeredAt(): { answered?: Promise<void> } {
  const answered = whenAnswered();
  return answered ? { answered } : {};
}
