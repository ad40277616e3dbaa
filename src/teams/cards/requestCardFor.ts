import type { RequestView } from '../../app/describeRequest';
import type { Viewer } from '../../domain/workflow/viewers';
import type { AdaptiveCardJson } from './cardTypes';
import { createConfirmationCard } from './confirmationCard';
import { createHostRequestCard } from './hostRequestCard';
import { createManagerApprovalCard } from './managerApprovalCard';
import { createRequestStatusCard } from './requestStatusCard';
import { createTimeProposalCard } from './timeProposalCard';

/**
 * The card a person who may see a request gets in answer to a click on it: the card they can
 * still act on (with the problem, when what they typed was refused), else where it stands, in
 * their words. Never used for someone who may not see the request: they get a sentence only.
 */
export function createRequestCardFor(
  viewer: Viewer,
  view: RequestView,
  options: { note?: string; problem?: string } = {},
): AdaptiveCardJson {
  const state = view.request.state;
  if ((viewer === 'manager' || viewer === 'programme_lead') && state === 'awaiting_manager')
    return createManagerApprovalCard(view, { note: options.note, problem: options.problem });
  if (viewer === 'host' && state === 'awaiting_host')
    return createHostRequestCard(view, { problem: options.problem ?? options.note });
  if (viewer === 'visitor' && state === 'host_proposed_time' && !options.note)
    return createTimeProposalCard(view, { problem: options.problem });
  if (
    (viewer === 'visitor' || viewer === 'host') &&
    state === 'confirmed' &&
    !options.note &&
    !options.problem
  )
    return createConfirmationCard(view, { viewer });
  return createRequestStatusCard(view, options.problem ?? options.note, viewer);
}
