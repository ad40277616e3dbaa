/** Why a manager could not release someone, as the reports count it; words may be added. */
export const DECLINE_CATEGORIES = [
  'no_cover',
  'service_pressures',
  'timing',
  'not_relevant',
  'other',
] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number];

export const DECLINE_CATEGORY_WORDS: Readonly<Record<DeclineCategory, string>> = {
  no_cover: 'No cover available',
  service_pressures: 'Service pressures',
  timing: 'The timing does not work',
  not_relevant: 'Not relevant to the role',
  other: 'Other reason',
};

export function isDeclineCategory(value: unknown): value is DeclineCategory {
  return typeof value === 'string' && (DECLINE_CATEGORIES as readonly string[]).includes(value);
}
