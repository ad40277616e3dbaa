import { estimateCover, type CoverEstimate } from '../domain/cover/coverMethods';
import { rateFor } from '../domain/cover/coverRates';
import { releaseForVisit, type ReleaseFacts } from '../domain/cover/releaseForVisit';
import type { Person } from '../domain/people';
import type { Shift } from '../domain/rota';
import type { Services } from './services';

/** What releasing the visitor for a visit means: the shifts, the hours, and an estimate of the cover's cost. */
export interface ReleaseView extends ReleaseFacts {
  /** Present when cover is needed and a rate is known for the visitor's staff group. */
  estimate?: CoverEstimate;
  /** The visitor's staff group, for the estimate's wording. */
  staffGroup?: Person['profession'];
}

/**
 * The release a visit at [start, end) asks of the visitor's manager, from the rota as it is now:
 * `shifts` when the caller has just read the visitor's rota for exactly this slot, else read here.
 */
export async function describeRelease(
  services: Services,
  visitor: Person,
  slot: { start: string; end: string },
  shifts?: readonly Shift[],
): Promise<ReleaseView> {
  shifts ??= await services.rota.shiftsBetween(visitor.id, new Date(slot.start), new Date(slot.end));
  const facts = releaseForVisit(shifts, slot.start, slot.end);
  const rate =
    facts.coverHours > 0 ? rateFor(services.coverRates, visitor.profession, visitor.grade) : undefined;
  return {
    ...facts,
    staffGroup: visitor.profession,
    ...(rate ? { estimate: estimateCover(facts.coverHours, rate) } : {}),
  };
}
