import type { FollowOnPlan } from '../domain/outcomes/outcomeTypes';

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
}

/**
 * Forty-one requests over six months, in visit order. Four pairs of teams visit each other
 * (Acute Medicine with the discharge team and with Therapies, Therapies with Pharmacy and with
 * Community Services). Alex has none, so his own requests start empty.
 */
export const DEMO_PAST_REQUESTS: readonly PastRequestRow[] = [
  {
    visitor: 'ben',
    offer: DISCHARGE,
    ends: 'completed',
    purpose: 'To understand why patients on our unit wait so long to go home once they are medically fit',
    objectives: ['See a discharge board round', 'Learn what the discharge team needs from ward nurses'],
    doDifferently: 'Start the discharge checklist on the day of admission, not the day before discharge.',
    followOn: 'reciprocal',
  },
  { visitor: 'nadia', offer: PHARMACY, ends: 'completed', followOn: 'reciprocal' },
  { visitor: 'kerry', offer: PHYSIO, ends: 'completed', followOn: 'reciprocal' },
  {
    visitor: 'aisha',
    offer: DISCHARGE,
    ends: 'declined_by_manager',
    reason:
      'We are two nurses short in A&E that week, so I cannot release you. Please ask again for next month.',
  },
  { visitor: 'hannah', offer: DISCHARGE, ends: 'completed' },
  { visitor: 'sam', offer: PHYSIO, ends: 'no_show' },
  {
    visitor: 'lewis',
    offer: THEATRE,
    ends: 'declined_by_host',
    reason: 'That list has been cancelled for theatre maintenance. Any Monday next month would work.',
  },
  {
    visitor: 'adele',
    offer: AMU,
    ends: 'completed',
    purpose:
      'To see how the unit decides who is ready to go home, so our board round asks the right questions',
    objectives: ['See the morning handover and safety huddle', 'Understand how beds are given out'],
  },
  { visitor: 'owen', offer: RESEARCH, ends: 'completed' },
  {
    visitor: 'nadia',
    offer: DISTRICT,
    ends: 'cancelled',
    reason: 'I have been asked to cover a colleague’s clinic.',
  },
  { visitor: 'femi', offer: PHYSIO, ends: 'completed' },
  {
    visitor: 'ben',
    offer: THEATRE,
    ends: 'declined_by_manager',
    reason: 'Not this month: we have three new starters to induct.',
  },
  { visitor: 'emily', offer: DIABETES, ends: 'completed' },
  { visitor: 'dan', offer: PHYSIO, ends: 'expired', waited: 'manager' },
  { visitor: 'lynne', offer: DISTRICT, ends: 'completed' },
  { visitor: 'callum', offer: AMU, ends: 'completed' },
  {
    visitor: 'rhys',
    offer: RESEARCH,
    ends: 'declined_by_host',
    reason: 'The study team meeting is off that week.',
  },
  { visitor: 'jake', offer: PHARMACY, ends: 'no_show' },
  { visitor: 'olivia', offer: DIABETES, ends: 'completed' },
  {
    visitor: 'jake',
    offer: DISCHARGE,
    ends: 'declined_by_manager',
    reason: 'Theatres are running extra lists to clear the waiting list; please ask again in the spring.',
  },
  { visitor: 'lewis', offer: BLOODS, ends: 'completed' },
  { visitor: 'emily', offer: THEATRE, ends: 'cancelled', reason: 'I am needed on the labour ward that day.' },
  { visitor: 'janet', offer: DISCHARGE, ends: 'completed' },
  {
    visitor: 'olivia',
    offer: AMU,
    ends: 'declined_by_host',
    reason: 'The unit is at full capacity with winter pressures.',
  },
  { visitor: 'rhys', offer: AMU, ends: 'completed', wentBadly: true },
  { visitor: 'ian', offer: DISCHARGE, ends: 'expired', waited: 'host' },
  { visitor: 'aisha', offer: THEATRE, ends: 'completed' },
  { visitor: 'megan', offer: RESEARCH, ends: 'completed' },
  { visitor: 'owen', offer: BOARD, ends: 'no_show' },
  {
    visitor: 'hannah',
    offer: BLOODS,
    ends: 'declined_by_manager',
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
  { visitor: 'ian', offer: PHARMACY, ends: 'completed' },
  {
    visitor: 'callum',
    offer: RESEARCH,
    ends: 'declined_by_manager',
    reason: 'Too many of the team are on leave that week.',
  },
  { visitor: 'marie', offer: DISTRICT, ends: 'completed' },
  { visitor: 'leah', offer: BOARD, ends: 'cancelled', reason: 'The board meeting moved to another date.' },
  { visitor: 'chloe', offer: PHYSIO, ends: 'completed' },
  { visitor: 'lynne', offer: PHARMACY, ends: 'expired', waited: 'host' },
  { visitor: 'sam', offer: DISCHARGE, ends: 'completed' },
];
