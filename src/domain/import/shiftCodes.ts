import { z } from 'zod';
import { SHIFT_KINDS, type ShiftKind } from '../rota';
import { quoteValue } from './cleanText';

/** Local shift code (upper case, single spaces) to the kind of entry it means. */
export type CodeMapping = ReadonlyMap<string, ShiftKind>;

export type CodeMappingResult = { ok: true; mapping: CodeMapping } | { ok: false; errors: string[] };

const DEFAULT_CODES: Record<string, ShiftKind> = {
  E: 'duty',
  EARLY: 'duty',
  L: 'duty',
  LATE: 'duty',
  D: 'duty',
  DAY: 'duty',
  M: 'duty',
  MID: 'duty',
  TW: 'duty',
  TWILIGHT: 'duty',
  LD: 'long_day',
  'LONG DAY': 'long_day',
  N: 'night',
  NIGHT: 'night',
  LN: 'night',
  OC: 'on_call',
  'ON CALL': 'on_call',
  ONCALL: 'on_call',
  AL: 'annual_leave',
  'A/L': 'annual_leave',
  LEAVE: 'annual_leave',
  'ANNUAL LEAVE': 'annual_leave',
  HOL: 'annual_leave',
  SL: 'study_leave',
  'S/L': 'study_leave',
  STUDY: 'study_leave',
  'STUDY LEAVE': 'study_leave',
  R: 'rest',
  RD: 'rest',
  REST: 'rest',
  OFF: 'rest',
  TOIL: 'rest',
  BH: 'rest',
  TR: 'training',
  TRAINING: 'training',
  TEACH: 'training',
};

/** Codes are compared without regard to case or surrounding and repeated spaces. */
export function normaliseCode(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

export function defaultCodeMapping(): CodeMapping {
  return new Map(Object.entries(DEFAULT_CODES));
}

/** Looks a code up, ignoring case and spacing. */
export function lookUpCode(mapping: CodeMapping, code: string): ShiftKind | undefined {
  return mapping.get(normaliseCode(code));
}

const kindList = SHIFT_KINDS.join(', ');

/**
 * A code mapping file: an object from local code (1 to 20 characters) to kind of shift, e.g.
 * {"E": "duty", "LD": "long_day"}. Its messages say what is wrong with one entry.
 */
export const CODE_MAPPING_SCHEMA = z.record(
  z
    .string()
    .refine(
      (code) => normaliseCode(code) !== '' && normaliseCode(code).length <= 20,
      'must be 1 to 20 characters long',
    ),
  z.enum(SHIFT_KINDS, {
    errorMap: (issue, context) => ({
      message:
        `maps to ${issue.code === 'invalid_enum_value' ? quoteValue(String(issue.received)) : `a ${describeType(context.data)}`}, ` +
        `which is not a kind of shift; use one of: ${kindList}`,
    }),
  }),
  { invalid_type_error: 'must be a JSON object such as {"E": "duty", "N": "night"}' },
);

/** The default mapping with a user's codes added, a user's code replacing a default one with the same name. */
export function mergeCodeMapping(entries: Readonly<Record<string, ShiftKind>>): CodeMapping {
  const mapping = new Map(Object.entries(DEFAULT_CODES));
  for (const [code, kind] of Object.entries(entries)) mapping.set(normaliseCode(code), kind);
  return mapping;
}

/**
 * Reads a user's code mapping file (JSON text or an already parsed value), an object from local
 * code to kind, e.g. {"E": "duty", "LD": "long_day"}. The result is the default mapping with the
 * user's codes added, a user's code replacing a default one with the same name.
 */
export function parseCodeMapping(json: unknown): CodeMappingResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [`The code mapping is not valid JSON (${(error as Error).message}).`] };
    }
  }
  const parsed = CODE_MAPPING_SCHEMA.safeParse(value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(describeIssue) };
  return { ok: true, mapping: mergeCodeMapping(parsed.data) };
}

function describeIssue(issue: z.ZodIssue): string {
  const code = issue.path[0];
  if (code === undefined) return `The code mapping ${issue.message}.`;
  return `Code ${quoteValue(String(code))} ${issue.message}.`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'list' : typeof value;
}
