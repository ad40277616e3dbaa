import type { RequestState } from './requests';

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
