import type { RequestView } from '../app/describeRequest';
import type { Notification } from '../app/notifications';
import type { AdaptiveCardJson } from './cards/cardTypes';
import { createConfirmationCard } from './cards/confirmationCard';
import { createCoverFailedCard } from './cards/coverFailedCard';
import { createCoverRequestCard, createCoverStatusCard } from './cards/coverRequestCard';
import { renderDigestNotification } from './cards/digestCard';
import { createHostRequestCard } from './cards/hostRequestCard';
import { createInductionTermsCard } from './cards/inductionTermsCard';
import { createManagerApprovalCard } from './cards/managerApprovalCard';
import { createRequestNotSentCard } from './cards/requestNotSentCard';
import { createRequestStatusCard } from './cards/requestStatusCard';
import { createTimeProposalCard } from './cards/timeProposalCard';
import { describeChange } from './describeChange';
import { createReturnVisitInviteCard } from './cards/returnVisitInviteCard';
import { renderOutcomeNotification } from './renderOutcomeNotification';
import { viewerOf, type Viewer } from '../domain/workflow/viewers';
import type { RequestState } from '../domain/requests';

/** Kinds whose card needs the host's other free times, for a request in `state` (as it is read to be drawn). */
export function needsAlternatives(notification: Notification, state: RequestState): boolean {
  return (
    notification.kind === 'host_decision_needed' ||
    (notification.kind === 'decision_reminder' && state === 'awaiting_host')
  );
}

/** Kinds whose card may be one of the manager's, which shows the visitor's shadowing this year. */
const KINDS_SHOWING_HISTORY: ReadonlySet<Notification['kind']> = new Set([
  'approval_needed',
  'decision_reminder',
  'escalation',
  'cover_failed',
]);

/** Whether this message's card may show the visitor's shadowing this year (so it must be read). */
export function mayShowHistory(notification: Notification): boolean {
  return KINDS_SHOWING_HISTORY.has(notification.kind);
}

/**
 * The card of a message about no request: a weekly digest, an imported offer's induction terms, or
 * a request removed unsent.
 */
export function renderStandaloneNotification(notification: Notification): AdaptiveCardJson {
  if (notification.kind === 'request_not_sent') return createRequestNotSentCard(notification);
  if (notification.kind === 'induction_terms' && notification.offer)
    return createInductionTermsCard(notification.offer);
  return renderDigestNotification(notification);
}

/**
 * Whom a message's recipient is to the request. Messages go only to its parties and to
 * programme leads, so anyone else receiving one is a lead (e.g. asked to decide for a manager).
 */
function recipientOf(notification: Notification, view: RequestView): Viewer {
  return viewerOf(view.request, { id: notification.personId, isProgrammeLead: true }) ?? 'programme_lead';
}

/** The card a queued message becomes, drawn from the request as it is now, in its recipient's words. */
export function renderNotification(notification: Notification, requestView: RequestView): AdaptiveCardJson {
  const view: RequestView = { ...requestView, readerId: notification.personId };
  const state = view.request.state;
  const viewer = recipientOf(notification, view);
  const statusCard = (note?: string) =>
    createRequestStatusCard(view, note ?? describeChange(view, viewer, notification.personId), viewer);
  switch (notification.kind) {
    case 'approval_needed':
      return state === 'awaiting_manager'
        ? createManagerApprovalCard(view, { note: notification.note })
        : statusCard();
    case 'host_decision_needed':
      return state === 'awaiting_host' ? createHostRequestCard(view) : statusCard();
    case 'time_proposed':
      return state === 'host_proposed_time' ? createTimeProposalCard(view) : statusCard();
    case 'visit_confirmed':
      return createConfirmationCard(view, { viewer });
    case 'visit_tomorrow':
      return createConfirmationCard(view, { dayBefore: true, viewer });
    case 'decision_reminder':
      if (state === 'awaiting_manager') return createManagerApprovalCard(view, { reminder: true });
      if (state === 'awaiting_host') return createHostRequestCard(view, { reminder: true });
      return state === 'host_proposed_time' ? createTimeProposalCard(view) : statusCard();
    case 'escalation':
      return state === 'awaiting_manager'
        ? createManagerApprovalCard(view, { note: notification.note })
        : statusCard(notification.note);
    case 'visit_check_in':
    case 'outcome_follow_up':
      return renderOutcomeNotification(notification, view);
    case 'weekly_digest':
    case 'induction_terms':
    case 'request_not_sent':
      return renderStandaloneNotification(notification);
    case 'request_update':
      return statusCard(notification.note);
    case 'return_visit_invite':
      return createReturnVisitInviteCard(view, notification.note);
    case 'cover_needed':
      return coverOpen(view) && view.request.cover === 'pending'
        ? createCoverRequestCard(view, {
            note: notification.note,
            reminder: notification.id.includes(':cover-remind-'),
          })
        : createCoverStatusCard(view, notification.note);
    case 'cover_failed':
      return coverOpen(view) && view.request.cover === 'failed' && !view.request.releasedWithoutCover
        ? createCoverFailedCard(view, {
            reminder: notification.id.includes(':cover-remind-'),
            ...(notification.note ? { note: notification.note } : {}),
          })
        : statusCard(notification.note);
  }
}

/** Released, and not yet over or called off: cover still matters. */
function coverOpen(view: RequestView): boolean {
  return ['awaiting_host', 'host_proposed_time', 'confirmed'].includes(view.request.state);
}
