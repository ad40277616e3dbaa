/**
 * Messages about a visit that has happened. Spread into NOTIFICATION_KINDS; this file imports
 * nothing so that the list can be shared without a cycle.
 */
export const OUTCOME_NOTIFICATION_KINDS = ['visit_check_in', 'outcome_follow_up'] as const;
export type OutcomeNotificationKind = (typeof OUTCOME_NOTIFICATION_KINDS)[number];

export function isOutcomeNotificationKind(kind: string): kind is OutcomeNotificationKind {
  return (OUTCOME_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}
