import type { Setting } from '../offers';

export type SettingWish = { settings: Setting[] } | { avoidSettings: Setting[] };

/** Settings with no extra induction: clinics, offices, the community, research and meetings. */
export const LOWER_RISK: readonly Setting[] = [
  'outpatient_clinic',
  'office',
  'community',
  'research',
  'board_or_policy_meeting',
];
export const NON_CLINICAL: readonly Setting[] = ['office', 'research', 'board_or_policy_meeting'];

/** Names of settings as people say them. */
const SETTING_NOUNS: Array<[string, Setting]> = [
  ['clinics?|outpatients?|opd|outpatient clinics?|outpatient department', 'outpatient_clinic'],
  ['theatres?|operating theatres?|operating rooms?', 'theatre'],
  ['wards?|inpatient wards?|inpatients?', 'ward'],
  ['a ?& ?e|a and e|ed|emergency department|resus', 'emergency_department'],
  ['icu|itu|critical care|intensive care', 'critical_care'],
  ['(?:the )?community|home visits?', 'community'],
  ['offices?', 'office'],
  ['labs?|laborator(?:y|ies)', 'laboratory'],
];
const NOUNS = SETTING_NOUNS.map(([words]) => words).join('|');
const ARTICLE = '(?:(?:on|in|into|to|onto)\\s+)?(?:an?\\s+|the\\s+|any\\s+)?';

const ONLY = [
  new RegExp(`\\b(?:only|just)\\s+(?:if it'?s\\s+|in\\s+|on\\s+)?${ARTICLE}(${NOUNS})\\b`),
  new RegExp(`\\b(${NOUNS})\\s+only\\b`),
  new RegExp(`\\b(?:only|just)\\s+(?:want|like)\\s+(?:to\\s+go\\s+)?${ARTICLE}(${NOUNS})\\b`),
];
const AVOID = [
  new RegExp(
    `\\b(?:not|no|nothing|avoid(?:ing)?|rather not(?: go)?|don'?t want to go|do not want to go|without)\\s+${ARTICLE}(${NOUNS})\\b`,
  ),
];

/**
 * A wish about settings in someone's words: "only clinics", "clinics only", "not theatres",
 * "I'd rather not go on a ward", "something non-clinical", "lower risk", "any setting".
 * `settings: []` means any setting. Undefined when they say nothing about settings.
 */
export function readSettingWish(lower: string): SettingWish | undefined {
  if (
    /\b(any setting|anywhere|any where|setting (doesn'?t|does not) matter|any kind of setting)\b/.test(lower)
  )
    return { settings: [] };
  if (/\bnon[- ]?clinical\b|\bno patient contact\b|\baway from patients\b/.test(lower))
    return { settings: [...NON_CLINICAL] };
  if (/\b(lower|low)[- ]risk\b/.test(lower)) return { settings: [...LOWER_RISK] };
  const only = collect(lower, ONLY);
  if (only.length > 0) return { settings: only };
  const avoid = collect(lower, AVOID);
  if (avoid.length > 0) return { avoidSettings: avoid };
  return undefined;
}

function collect(lower: string, patterns: RegExp[]): Setting[] {
  const found = new Set<Setting>();
  for (const pattern of patterns) {
    for (const match of lower.matchAll(new RegExp(pattern.source, 'g'))) {
      const noun = match[1] as string;
      const entry = SETTING_NOUNS.find(([words]) => new RegExp(`^(?:${words})$`).test(noun));
      if (entry) found.add(entry[1]);
    }
  }
  return [...found];
}
