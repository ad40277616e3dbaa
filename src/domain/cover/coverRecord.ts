import type { TimeBasis } from '../clash/clashTypes';
import type { ShadowingRequest } from '../requests';
import type { CoverMethod, CoverStatus } from './coverMethods';
import { readCover, type RequestCover } from './readCover';

/** Release and cover as they are recorded and reported: the request's own figures, with what was spent. */
export interface CoverRecord {
  timeBasis: TimeBasis;
  releaseHours: number;
  coverHours: number;
  coverStatus: CoverStatus;
  coverMethod?: CoverMethod;
  /** The estimated cost of the cover that was arranged, in pounds; absent when nothing was estimated. */
  coverCostEstimateGbp?: number;
}

/** What a request with nothing recorded (own time, stored before release was kept) reads as. */
export const NO_RELEASE: CoverRecord = {
  timeBasis: 'own_time',
  releaseHours: 0,
  coverHours: 0,
  coverStatus: 'not_needed',
};

/** The request's release and cover for the log and the reports (requests from before read as own time). */
export function coverRecordOf(request: ShadowingRequest): CoverRecord {
  const cover = readCover(request);
  const cost = spentOnCover(cover);
  return {
    timeBasis: cover.timeBasis,
    releaseHours: cover.releaseHours,
    coverHours: cover.coverHours,
    coverStatus: cover.cover,
    ...(cover.coverMethod ? { coverMethod: cover.coverMethod } : {}),
    ...(cost !== undefined ? { coverCostEstimateGbp: cost } : {}),
  };
}

/**
 * The estimate that stands for cover actually provided: none bought when it could not be arranged
 * (the visitor was released without it, or the visit was called off), so 0; otherwise the estimate
 * recorded with the manager's choice (0 for no cover or cover within the team).
 */
export function spentOnCover(cover: RequestCover): number | undefined {
  if (cover.cover === 'failed') return 0;
  return cover.coverCostEstimateGbp;
}
