import type { ReleaseRuleId } from './clashTypes';
import type { ShiftKind } from '../rota';

/** Kinds that are work: periods of working time for the rest and hours rules. */
export const WORK_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>([
  'duty',
  'long_day',
  'night',
  'training',
]);
/** Rostered time a visit needs the manager's release from, and the release rule each gives. */
export const RELEASE_KINDS: ReadonlyMap<ShiftKind, ReleaseRuleId> = new Map<ShiftKind, ReleaseRuleId>([
  ['duty', 'on_duty'],
  ['long_day', 'on_duty'],
  ['night', 'on_duty'],
  ['on_call', 'on_call'],
  ['training', 'training'],
  ['study_leave', 'study_leave'],
]);
/** Leave the visitor may choose to use for a visit: a warning, not a block. */
export const LEAVE_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['annual_leave']);
/** Shifts in which a host is at work and can host; a host with any of these has a rota. */
export const HOST_WORK_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['duty', 'long_day', 'night']);
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
export const HOST_ELSEWHERE_KINDS: ReadonlySet<ShiftKind> = new Set<ShiftKind>(['on_call', 'training']);

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
