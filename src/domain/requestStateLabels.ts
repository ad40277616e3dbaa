import type { RequestState } from './requests';
import type { Viewer } from './workflow/viewers';

/** Each state in the words a visitor would use. */
export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  draft: 'Not sent yet',
  awaiting_manager: 'Waiting for your manager',
  awaiting_host: 'Waiting for the host',
  host_proposed_time: 'The host suggested another time',
  confirmed: 'Confirmed',
  completed: 'Done',
  no_show: 'Did not happen',
  declined_by_manager: 'Not approved by your manager',
  declined_by_host: 'Declined by the host',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** The states that read differently to someone other than the visitor. */
const FOR_OTHERS: Partial<Record<RequestState, string>> = {
  awaiting_manager: 'Waiting for the line manager',
  declined_by_manager: 'Not approved by the line manager',
};
const FOR_MANAGER: Partial<Record<RequestState, string>> = { awaiting_manager: 'Waiting for your decision' };
const FOR_HOST: Partial<Record<RequestState, string>> = {
  awaiting_host: 'Waiting for your answer',
  host_proposed_time: 'Waiting for the visitor to answer your new time',
  declined_by_host: 'Declined by you',
};

/** A state in the words of the person looking at it. */
export function stateLabelFor(state: RequestState, viewer: Viewer): string {
  if (viewer === 'visitor') return REQUEST_STATE_LABELS[state];
  const own = viewer === 'manager' ? FOR_MANAGER[state] : viewer === 'host' ? FOR_HOST[state] : undefined;
  return own ?? FOR_OTHERS[state] ?? REQUEST_STATE_LABELS[state];
}
