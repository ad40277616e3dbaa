import type { ShiftKind } from '../rota';

/** Kinds that are work: they need rest around them and count towards weekly hours. */
export const WORK_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>([
  'duty',
  'long_day',
  'night',
  'training',
]);
export const ON_CALL_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['on_call']);
export const NIGHT_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['night']);
/** Leave the visitor may choose to use for a visit: a warning, not a block. */
export const LEAVE_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['annual_leave', 'study_leave']);
/** Away from work for a reason not recorded: the visitor cannot visit then, and no reason is shown. */
export const ABSENCE_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['absence']);
/** The host is not at work. */
export const HOST_AWAY_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>([
  'annual_leave',
  'study_leave',
  'rest',
  'absence',
]);
/** The host is at work but committed to something other than hosting. */
export const HOST_ELSEWHERE_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>([
  'on_call',
  'night',
  'training',
]);

const KIND_WORDS: Readonly<Record<ShiftKind, string>> = {
  duty: 'shift',
  long_day: 'long day',
  night: 'night shift',
  training: 'training session',
  on_call: 'on-call period',
  annual_leave: 'annual leave',
  study_leave: 'study leave',
  rest: 'rest day',
  absence: 'time away from work',
};

/** Plain words for a kind of rota entry ("night shift"); shift codes are never shown. */
export function describeKind(kind: ShiftKind): string {
  return KIND_WORDS[kind];
}
