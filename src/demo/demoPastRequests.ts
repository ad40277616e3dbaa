import type { DeclineCategory } from '../domain/cover/declineCategories';
import type { FollowOnPlan } from '../domain/outcomes/outcomeTypes';
import type { PastCover } from './demoPastCover';

const DISCHARGE = 'demo-offer-discharge-board-round';
const PHYSIO = 'demo-offer-physiotherapy-clinic';
const DIABETES = 'demo-offer-diabetes-nurse-clinic';
const DISTRICT = 'demo-offer-district-nursing-day';
const AMU = 'demo-offer-acute-medical-unit';
const THEATRE = 'demo-offer-theatre-day';
const RESEARCH = 'demo-offer-research-study';
const BOARD = 'demo-offer-trust-board';
const PHARMACY = 'demo-offer-ward-pharmacy';
const BLOODS = 'demo-offer-blood-sciences-lab';

/** One past request of the demo: who asked, which offer, and how it ended. */
export interface PastRequestRow {
  visitor: string;
  offer: string;
  ends: 'completed' | 'no_show' | 'declined_by_manager' | 'declined_by_host' | 'cancelled' | 'expired';
  /** For an expired request: whose answer it waited for. */
  waited?: 'manager' | 'host';
  /** Why it was declined or cancelled, in the words a manager, host or visitor would use. */
  reason?: string;
  purpose?: string;
  objectives?: string[];
  doDifferently?: string;
  followOn?: FollowOnPlan;
  /** A completed visit that did not meet its aims. */
  wentBadly?: boolean;
  /** Released from work time, and how cover went (see PastCover); absent: in their own time. */
  cover?: PastCover;
  /** The manager's reason category, for a decline. */
  declineCategory?: DeclineCategory;
}

/**
 * Forty-one requests over six months, in visit order. Four pairs of teams visit each other
 * (Acute Medicine with the discharge team and with Therapies, Therapies with Pharmacy and with
 * Community Services). About half are in work time, with cover covered within the team, by a bank
 * or locum shift or by the rota coordinator, one that could not be arranged and one never
 * confirmed; managers' declines carry each reason category but 'other'. Alex has none, so his own
 * requests start empty.
 */
export const DEMO_PAST_REQUESTS: readonly PastRequestRow[] = [
  {
    visitor: 'ben',
    offer: DISCHARGE,
    ends: 'completed',
    cover: 'coordinator',
    purpose: 'To understand why patients on our unit wait so long to go home once they are medically fit',
    objectives: ['See a discharge board round', 'Learn what the discharge team needs from ward nurses'],
    doDifferently: 'Start the discharge checklist on the day of admission, not the day before discharge.',
    followOn: 'reciprocal',
  },
  { visitor: 'nadia', offer: PHARMACY, ends: 'completed', cover: 'within_team', followOn: 'reciprocal' },
  { visitor: 'kerry', offer: PHYSIO, ends: 'completed', followOn: 'reciprocal' },
  {
    visitor: 'aisha',
    offer: DISCHARGE,
    ends: 'declined_by_manager',
    cover: 'asked',
    declineCategory: 'no_cover',
    reason:
      'We are two nurses short in A&E that week, so I cannot release you. Please ask again for next month.',
  },
  { visitor: 'hannah', offer: DISCHARGE, ends: 'completed', cover: 'study' },
  { visitor: 'sam', offer: PHYSIO, ends: 'no_show', cover: 'coordinator' },
  {
    visitor: 'lewis',
    offer: THEATRE,
    ends: 'declined_by_host',
    cover: 'within_team',
    reason: 'That list has been cancelled for theatre maintenance. Any Monday next month would work.',
  },
  {
    visitor: 'adele',
    offer: AMU,
    ends: 'completed',
    cover: 'within_team',
    purpose:
      'To see how the unit decides who is ready to go home, so our board round asks the right questions',
    objectives: ['See the morning handover and safety huddle', 'Understand how beds are given out'],
  },
  { visitor: 'owen', offer: RESEARCH, ends: 'completed', cover: 'coordinator' },
  {
    visitor: 'nadia',
    offer: DISTRICT,
    ends: 'cancelled',
    cover: 'within_team',
    reason: 'I have been asked to cover a colleague’s clinic.',
  },
  { visitor: 'femi', offer: PHYSIO, ends: 'completed' },
  {
    visitor: 'ben',
    offer: THEATRE,
    ends: 'declined_by_manager',
    cover: 'asked',
    declineCategory: 'timing',
    reason: 'We have three new starters to induct that month; please ask again after that.',
  },
  { visitor: 'emily', offer: DIABETES, ends: 'completed', cover: 'bank' },
  { visitor: 'dan', offer: PHYSIO, ends: 'expired', waited: 'manager' },
  { visitor: 'lynne', offer: DISTRICT, ends: 'completed', cover: 'within_team' },
  { visitor: 'callum', offer: AMU, ends: 'completed', cover: 'coordinator_failed' },
  {
    visitor: 'rhys',
    offer: RESEARCH,
    ends: 'declined_by_host',
    reason: 'The study team meeting is off that week.',
  },
  { visitor: 'jake', offer: PHARMACY, ends: 'no_show', cover: 'bank_unconfirmed' },
  { visitor: 'olivia', offer: DIABETES, ends: 'completed' },
  {
    visitor: 'jake',
    offer: DISCHARGE,
    ends: 'declined_by_manager',
    cover: 'asked',
    declineCategory: 'service_pressures',
    reason: 'Theatres are running extra lists to clear the waiting list; please ask again in the spring.',
  },
  { visitor: 'lewis', offer: BLOODS, ends: 'completed', cover: 'bank' },
  {
    visitor: 'emily',
    offer: THEATRE,
    ends: 'cancelled',
    cover: 'coordinator',
    reason: 'I am needed on the labour ward that day.',
  },
  { visitor: 'janet', offer: DISCHARGE, ends: 'completed' },
  {
    visitor: 'olivia',
    offer: AMU,
    ends: 'declined_by_host',
    reason: 'The unit is at full capacity with winter pressures.',
  },
  { visitor: 'rhys', offer: AMU, ends: 'completed', cover: 'within_team', wentBadly: true },
  { visitor: 'ian', offer: DISCHARGE, ends: 'expired', cover: 'within_team', waited: 'host' },
  { visitor: 'aisha', offer: THEATRE, ends: 'completed', cover: 'coordinator' },
  { visitor: 'megan', offer: RESEARCH, ends: 'completed', cover: 'study' },
  { visitor: 'owen', offer: BOARD, ends: 'no_show' },
  {
    visitor: 'hannah',
    offer: BLOODS,
    ends: 'declined_by_manager',
    cover: 'asked',
    declineCategory: 'no_cover',
    reason: 'You are the only registrar on the rota that afternoon.',
  },
  { visitor: 'dan', offer: BOARD, ends: 'completed' },
  {
    visitor: 'femi',
    offer: RESEARCH,
    ends: 'cancelled',
    reason: 'The pharmacy audit deadline moved to that week.',
  },
  { visitor: 'isaiah', offer: DISTRICT, ends: 'completed' },
  {
    visitor: 'kwame',
    offer: DISCHARGE,
    ends: 'declined_by_host',
    reason: 'Both our Tuesday places went to people from the wards that week.',
  },
  { visitor: 'ian', offer: PHARMACY, ends: 'completed', cover: 'within_team' },
  {
    visitor: 'callum',
    offer: RESEARCH,
    ends: 'declined_by_manager',
    cover: 'asked',
    declineCategory: 'not_relevant',
    reason: 'A research study day is not part of your development plan this year; the AMU visit would be.',
  },
  { visitor: 'marie', offer: DISTRICT, ends: 'completed', cover: 'bank' },
  { visitor: 'leah', offer: BOARD, ends: 'cancelled', reason: 'The board meeting moved to another date.' },
  { visitor: 'chloe', offer: PHYSIO, ends: 'completed', cover: 'coordinator' },
  { visitor: 'lynne', offer: PHARMACY, ends: 'expired', waited: 'host' },
  { visitor: 'sam', offer: DISCHARGE, ends: 'completed', cover: 'bank' },
];
