import type { ShadowingRequest } from '../requests';

/** "Did the visit happen?" as the visitor or the host answers it afterwards. */
export const HAPPENED_ANSWERS = ['yes', 'no_show', 'cancelled_on_the_day'] as const;
export type HappenedAnswer = (typeof HAPPENED_ANSWERS)[number];

export const OBJECTIVE_RATINGS = ['met', 'partly', 'not_met'] as const;
export type ObjectiveRating = (typeof OBJECTIVE_RATINGS)[number];

/** The three kinds of knowledge the exchange literature distinguishes. */
export const KNOWLEDGE_TYPES = ['scientific_or_factual', 'technical_know_how', 'practical_wisdom'] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

export const FOLLOW_ON_PLANS = ['none', 'follow_up', 'reciprocal'] as const;
export type FollowOnPlan = (typeof FOLLOW_ON_PLANS)[number];

export const PRACTICE_CHANGES = ['yes', 'not_yet', 'no'] as const;
export type PracticeChange = (typeof PRACTICE_CHANGES)[number];

export const RATING_WORDS: Record<ObjectiveRating, string> = {
  met: 'Met',
  partly: 'Partly met',
  not_met: 'Not met',
};
export const KNOWLEDGE_WORDS: Record<KnowledgeType, string> = {
  scientific_or_factual: 'Scientific or factual knowledge',
  technical_know_how: 'Technical know-how',
  practical_wisdom: 'Practical wisdom',
};
export const FOLLOW_ON_WORDS: Record<FollowOnPlan, string> = {
  none: 'None planned',
  follow_up: 'A follow-up visit',
  reciprocal: 'A reciprocal visit (they visit us)',
};
export const PRACTICE_CHANGE_WORDS: Record<PracticeChange, string> = {
  yes: 'Yes',
  not_yet: 'Not yet',
  no: 'No',
};

/** Longest answer kept, per free-text field. */
export const TEXT_LIMITS = {
  doDifferently: 1000,
  teamGained: 1000,
  reflection: 2000,
  followUp: 1000,
} as const;
export const MIN_HOURS = 0.5;
export const MAX_HOURS = 24;

/** "What? So what? Now what?" */
export interface Reflection {
  what: string;
  soWhat: string;
  nowWhat: string;
}

export interface CheckIn {
  answer: HappenedAnswer;
  /** Person id of whoever answered. */
  by: string;
  at: string;
}

export interface VisitorOutcome {
  /** One rating per stated objective, in the request's order. */
  ratings: ObjectiveRating[];
  knowledge: KnowledgeType[];
  doDifferently: string;
  wouldRecommend: boolean;
  followOn: FollowOnPlan;
  hours: number;
  reflection?: Reflection;
  at: string;
}

export interface HostOutcome {
  teamGained: string;
  wouldHostAgain: boolean;
  at: string;
}

/** The three-month question: has anything changed in your practice or your team's? */
export interface FollowUpAnswer {
  changed: PracticeChange;
  detail?: string;
  at: string;
}

/** Everything recorded after a visit, kept on the request itself so each change is one conditional write. */
export interface VisitOutcomes {
  checkIn?: CheckIn;
  visitor?: VisitorOutcome;
  host?: HostOutcome;
  followUp?: FollowUpAnswer;
}

export type RequestWithOutcomes = ShadowingRequest & { outcomes?: VisitOutcomes };
