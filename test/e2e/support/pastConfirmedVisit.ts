import { DateTime } from 'luxon';
import { createServices } from '../../../src/app/services';
import { writeTasks } from '../../../src/app/writeTasks';
import { slotForDay } from '../../../src/domain/requestDialog/slotForDay';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { LONDON } from '../../../src/domain/time/formatVisit';
import type { DocumentStore } from '../../../src/store/documentStore';
import { requestInState } from '../../support/requestInState';

const DAY_MS = 86_400_000;

/**
 * Alex's visit to Adele's discharge team, confirmed by Megan and Adele ten days before it took
 * place on the latest Tuesday or Thursday morning before today (London): the request and the
 * manager's and host's pointers, as the workflow writes them.
 */
export async function writePastConfirmedVisit(
  store: DocumentStore,
  objectives: string[],
  now = new Date(),
): Promise<ShadowingRequest> {
  const slot = slotForDay(latestTuesdayOrThursdayBefore(now), 'am');
  const decidedAt = new Date(Date.parse(slot.start) - 10 * DAY_MS);
  const request: ShadowingRequest = {
    ...requestInState('confirmed', slot, slot, decidedAt),
    offerTitle: 'A morning with the discharge team',
    objectives,
  };
  const services = createServices(store, () => now);
  await services.requests.create(request);
  await writeTasks(services.tasks, request);
  return request;
}

/** YYYY-MM-DD of the last Tuesday or Thursday before today in London (at most five days back). */
function latestTuesdayOrThursdayBefore(now: Date): string {
  let day = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  do day = day.minus({ days: 1 });
  while (day.weekday !== 2 && day.weekday !== 4);
  return day.toISODate() as string;
}
