import { toInstantMs } from '../time/instants';
import { coveredMs } from '../time/intervals';
import { COVER_RULES, type ReleaseEntry, type TimeBasis } from './clashTypes';
import { toCoverHours } from './findRelease';

/** What a visit asks of the visitor's manager, in figures. */
export interface ReleaseSummary {
  /** Work time when the visit takes the visitor away from any rostered time, else own time. */
  timeBasis: TimeBasis;
  /** Hours of rostered time released (shifts, on call, training, study leave; overlaps once). */
  releaseHours: number;
  /** Hours someone must cover: the released part of shifts and on call. */
  coverHours: number;
}

function hoursOf(entries: readonly ReleaseEntry[]): number {
  return toCoverHours(
    coveredMs(entries.map((e) => ({ start: toInstantMs(e.start), end: toInstantMs(e.end) }))),
  );
}

export function summariseRelease(release: readonly ReleaseEntry[]): ReleaseSummary {
  return {
    timeBasis: release.length > 0 ? 'work_time' : 'own_time',
    releaseHours: hoursOf(release),
    coverHours: hoursOf(release.filter((entry) => COVER_RULES.has(entry.rule))),
  };
}
