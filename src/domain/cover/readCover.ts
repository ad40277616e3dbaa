import type { TimeBasis } from '../clash/clashTypes';
import type { ShadowingRequest } from '../requests';
import type { CoverMethod, CoverStatus } from './coverMethods';

/** A request's release and cover, with what requests stored before these were kept read as. */
export interface RequestCover {
  timeBasis: TimeBasis;
  releaseHours: number;
  coverHours: number;
  cover: CoverStatus;
  coverMethod?: CoverMethod;
  coverCostEstimateGbp?: number;
}

/** Requests from before release and cover were recorded read as own time, nothing released, no cover. */
export function readCover(request: ShadowingRequest): RequestCover {
  return {
    timeBasis: request.timeBasis ?? 'own_time',
    releaseHours: request.releaseHours ?? 0,
    coverHours: request.coverHours ?? 0,
    cover: request.cover ?? 'not_needed',
    ...(request.coverMethod ? { coverMethod: request.coverMethod } : {}),
    ...(request.coverCostEstimateGbp !== undefined
      ? { coverCostEstimateGbp: request.coverCostEstimateGbp }
      : {}),
  };
}
