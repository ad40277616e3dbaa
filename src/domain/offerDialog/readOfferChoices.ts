import { SETTING_LABELS, SETTINGS, type Setting } from '../offers';
import { PROFESSIONS, type Profession } from '../people';

/** Lower case, underscores as spaces, single spaces: "Healthcare_Science " -> "healthcare science". */
function normalise(text: string): string {
  return text.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

export const CLINICAL_GROUPS: readonly Profession[] = [
  'medical',
  'nursing',
  'midwifery',
  'ahp',
  'healthcare_science',
  'pharmacy',
];
export const NON_CLINICAL_GROUPS: readonly Profession[] = ['management', 'admin', 'research', 'executive'];

const PROFESSION_WORDS: Array<[RegExp, Profession[]]> = [
  [/\bnon[- ]?clinical\b/, [...NON_CLINICAL_GROUPS]],
  [/(?<!non[- ]?)\b(clinical staff|clinicians?|clinical)\b/, [...CLINICAL_GROUPS]],
  [
    /\b(medical|doctors?|medics?|consultants?|registrars?|spr|fy[12]s?|foundation doctors?|gps?|surgeons?|anaesthetists?|physicians?)\b/,
    ['medical'],
  ],
  [/\b(nurses?|nursing|hcas?|healthcare assistants?|cns|matrons?|sisters?)\b/, ['nursing']],
  [/\b(midwi(fe|ves|fery))\b/, ['midwifery']],
  [
    /\b(ahps?|allied health|physio(therapist)?s?|ots?|occupational therap(y|ists?)|speech and language|slts?|dietitians?|radiographers?|paramedics?|podiatrists?|orthoptists?|therapists?)\b/,
    ['ahp'],
  ],
  [/\b(healthcare scien(ce|tists?)|scientists?|biomedical|physiologists?)\b/, ['healthcare_science']],
  [/\b(pharmacists?|pharmacy|pharmacy technicians?)\b/, ['pharmacy']],
  [/\b(management|managers?|operational)\b/, ['management']],
  [
    /\b(admin|administrative|administrators?|clerical|receptionists?|secretar(y|ies)|ward clerks?)\b/,
    ['admin'],
  ],
  [/\b(research|researchers?)\b/, ['research']],
  [/\b(executives?|directors?|chief)\b/, ['executive']],
];

const ANYONE =
  /^(any|anyone|anybody|everyone|everybody|all|all staff|any staff|no limit|open to all|whoever)$/;

function findProfessions(text: string): Profession[] {
  const t = normalise(text);
  const found = new Set<Profession>();
  for (const key of PROFESSIONS) if (t === normalise(key)) found.add(key);
  for (const [pattern, groups] of PROFESSION_WORDS) if (pattern.test(t)) groups.forEach((g) => found.add(g));
  return PROFESSIONS.filter((p) => found.has(p));
}

const PROFESSION_HELP =
  'for example: doctor, nurse, midwife, AHP, healthcare scientist, pharmacist, manager, admin, research or executive.';

/** The host's own staff group: exactly one. */
export function readProfession(text: string): { profession: Profession } | { problem: string } {
  const found = findProfessions(text);
  if (found.length === 1 && found[0]) return { profession: found[0] };
  if (found.length > 1) return { problem: 'Please choose just one staff group for this offer.' };
  return { problem: `I did not recognise that staff group. Please name one, ${PROFESSION_HELP}` };
}

/** Who may visit: "anyone" (an empty list), or staff groups such as "nurses and AHPs". */
export function readOpenTo(text: string): { openTo: Profession[] } | { problem: string } {
  if (ANYONE.test(normalise(text).replace(/[.!]$/, ''))) return { openTo: [] };
  const found = findProfessions(text);
  if (found.length === 0)
    return {
      problem: `I did not recognise those staff groups. Say "anyone", or name groups, ${PROFESSION_HELP}`,
    };
  return { openTo: found.length === PROFESSIONS.length ? [] : found };
}

const SETTING_WORDS: Array<[RegExp, Setting]> = [
  [/\b(outpatients?|clinics?|opd)\b/, 'outpatient_clinic'],
  [/\b(theatres?|operating|surgical)\b/, 'theatre'],
  [/\b(wards?|inpatients?)\b/, 'ward'],
  [/(^|[^a-z])(a ?& ?e|a and e|ae|ed|emergency|casualty)([^a-z]|$)/, 'emergency_department'],
  [/\b(icu|itu|hdu|critical care|intensive care)\b/, 'critical_care'],
  [/\b(community|district|home visits?|gp|primary care|practice)\b/, 'community'],
  [/\b(office|management|admin|desk)\b/, 'office'],
  [/\b(research|trials?)\b/, 'research'],
  [/\b(board|policy|committee|meetings?)\b/, 'board_or_policy_meeting'],
  [/\b(labs?|laborator(y|ies)|pathology)\b/, 'laboratory'],
  [/\b(pharmacy|dispensary)\b/, 'pharmacy'],
];

/** One setting from a button or the host's words: "clinic", "A&E", "ITU", "board meeting". */
export function readOfferSetting(text: string): { setting: Setting } | { problem: string } {
  const t = normalise(text);
  const exact = SETTINGS.find((s) => t === normalise(s) || t === SETTING_LABELS[s].toLowerCase());
  if (exact) return { setting: exact };
  let found = SETTINGS.filter((s) =>
    SETTING_WORDS.some(([pattern, setting]) => setting === s && pattern.test(t)),
  );
  // "the ICU ward" or "the A&E department ward" is the specific place, not a general ward.
  if (found.length > 1 && (found.includes('critical_care') || found.includes('emergency_department')))
    found = found.filter((s) => s !== 'ward');
  if (found.length === 1 && found[0]) return { setting: found[0] };
  if (found.length > 1)
    return {
      problem: `That could be ${found.map((s) => SETTING_LABELS[s]).join(' or ')}. Please choose one.`,
    };
  return {
    problem:
      'I did not recognise that setting. Please choose one: clinic, ward, theatre, A&E, critical care, community, office, research, board meeting, laboratory or pharmacy.',
  };
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A whole number typed as digits or a word ("2", "two"), or undefined. */
export function readCount(text: string): number | undefined {
  const t = normalise(text)
    .replace(
      /\b(visitors?|people|persons?|a week|per week|each week|a month|per month|each month|up to|max(imum)?)\b/g,
      '',
    )
    .trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const index = NUMBER_WORDS.indexOf(t);
  return index >= 0 ? index : undefined;
}

/** "2 a week and 6 a month" answers both capacity questions at once. */
export function readCapacityPair(text: string): { perWeek: number; perMonth: number } | undefined {
  const t = normalise(text);
  const week = /(\d{1,3}|[a-z]+)\s*(?:visitors?\s*)?(?:a|per|each|every)\s+week/.exec(t);
  const month = /(\d{1,3}|[a-z]+)\s*(?:visitors?\s*)?(?:a|per|each|every)\s+month/.exec(t);
  const perWeek = week?.[1] !== undefined ? readCount(week[1]) : undefined;
  const perMonth = month?.[1] !== undefined ? readCount(month[1]) : undefined;
  return perWeek !== undefined && perMonth !== undefined ? { perWeek, perMonth } : undefined;
}

/** "none", "no", "nothing", "n/a": the host needs nothing from visitors beforehand. */
export function readNone(text: string): boolean {
  return /^(none|no|nope|nothing|nil|n\/a|na|not needed|nothing needed|no prerequisites|none needed|nothing special)$/.test(
    normalise(text).replace(/[.!]$/, ''),
  );
}

/** The host's answer to "Will you arrange the induction?": true, false, or undefined when unclear. */
export function readYesNo(text: string): boolean | undefined {
  const t = normalise(text);
  if (/\b(no problem|not a problem)\b/.test(t)) return true;
  if (/\b(no|nope|not|can'?t|cannot|won'?t|unable)\b/.test(t)) return false;
  if (/\b(yes|yep|yeah|ok|okay|i will|will arrange|agree|accept|sure|happy to)\b/.test(t)) return true;
  return undefined;
}
