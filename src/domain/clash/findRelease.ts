import { HOUR_MS, intersect, type Interval } from '../time/intervals';
import { formatLondonRange, formatLondonTime, toLondonIso } from '../time/londonTime';
import type { ReleaseEntry, ReleaseRuleId } from './clashTypes';
import { describeHours } from './describeHours';
import { findOverlapping } from './intervalIndex';
import type { ClashContext, TimedShift } from './prepareClashContext';
import { describeKind, RELEASE_KINDS } from './shiftKinds';

/** Elapsed hours to 2 decimals; instants are UTC, so a clock change does not bend it. */
export function toCoverHours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 100) / 100;
}

function explainRelease(rule: ReleaseRuleId, shift: TimedShift, overlap: Interval): string {
  const away = `${describeHours(overlap.end - overlap.start)}, ${formatLondonTime(overlap.start)}-${formatLondonTime(overlap.end)}`;
  const rostered = `You are rostered for a ${describeKind(shift.kind)} (${formatLondonRange(shift)}).`;
  switch (rule) {
    case 'on_duty':
      return `${rostered} Your manager will be asked to release you for ${away}, and cover will be needed.`;
    case 'on_call':
      return (
        `You are on call (${formatLondonRange(shift)}). Your manager will be asked to release you for ` +
        `${away}, and cover will be needed.`
      );
    case 'training':
      return `${rostered} Your manager will be asked to release you for ${away}; no cover is needed.`;
    case 'study_leave':
      return (
        `You are on study leave (${formatLondonRange(shift)}). Your manager will be asked to agree you ` +
        `spend ${describeHours(overlap.end - overlap.start)} of it (${formatLondonTime(overlap.start)}-` +
        `${formatLondonTime(overlap.end)}) on this visit; no cover is needed.`
      );
  }
}

/**
 * release: each rostered shift, on-call period, training session or study leave the visit
 * overlaps, with the overlap. Allowed, not a clash: the visitor's manager decides.
 */
export function findRelease(context: ClashContext, visit: Interval): ReleaseEntry[] {
  return findOverlapping(context.visitor.release, visit).flatMap((shift) => {
    const overlap = intersect(shift, visit);
    const rule = RELEASE_KINDS.get(shift.kind);
    if (!overlap || !rule) return [];
    return [
      {
        rule,
        who: 'visitor',
        start: toLondonIso(overlap.start),
        end: toLondonIso(overlap.end),
        shift_start: toLondonIso(shift.start),
        shift_end: toLondonIso(shift.end),
        cover_hours: toCoverHours(overlap.end - overlap.start),
        explanation: explainRelease(rule, shift, overlap),
      },
    ];
  });
}
