import { checkVisit, summariseRelease, type ReleaseSummary } from '../clash';
import { RELEASE_KINDS } from '../clash/shiftKinds';
import type { Shift, ShiftKind } from '../rota';

/** What a visit takes the visitor away from: the figures, and the rostered entries it overlaps. */
export interface ReleaseFacts extends ReleaseSummary {
  /** Shifts, on-call periods, training or study leave the visit overlaps, earliest first. */
  shifts: Array<{ kind: ShiftKind; start: string; end: string }>;
}

/** The release a visit at [start, end) asks for, from the visitor's rota around it. */
export function releaseForVisit(shifts: readonly Shift[], start: string, end: string): ReleaseFacts {
  const release = checkVisit({ visitorShifts: shifts, start, end }).release;
  const from = Date.parse(start);
  const to = Date.parse(end);
  const overlapped = shifts
    .filter((s) => RELEASE_KINDS.has(s.kind) && Date.parse(s.start) < to && Date.parse(s.end) > from)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((s) => ({ kind: s.kind, start: s.start, end: s.end }));
  return { ...summariseRelease(release), shifts: overlapped };
}
