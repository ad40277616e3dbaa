import { randomUUID } from 'node:crypto';
import { loadClashContext } from '../../src/app/loadClashContext';
import { notifyParties } from '../../src/app/notifyParties';
import type { Services } from '../../src/app/services';
import { writeTasks } from '../../src/app/writeTasks';
import type { Action } from '../../src/domain/workflow/transitions';
import { checkVisit } from '../../src/domain/clash';
import type { HostOffer } from '../../src/domain/offers';
import type { Person } from '../../src/domain/people';
import { slotForDay } from '../../src/domain/requestDialog/slotForDay';
import type { RequestState, ShadowingRequest, Transition } from '../../src/domain/requests';
import { DEMO_IDS } from '../../src/demo/demoIds';
import type { DocumentStore } from '../../src/store/documentStore';

export const DISCHARGE_OFFER = 'demo-offer-discharge-board-round';
type Slot = { start: string; end: string };

/** The path a request takes to reach each state, as (to, by) steps after it was sent. */
const PATHS: Record<RequestState, Array<[RequestState, string]>> = {
  draft: [],
  awaiting_manager: [],
  awaiting_host: [['awaiting_host', DEMO_IDS.megan]],
  host_proposed_time: [
    ['awaiting_host', DEMO_IDS.megan],
    ['host_proposed_time', DEMO_IDS.adele],
  ],
  confirmed: [
    ['awaiting_host', DEMO_IDS.megan],
    ['confirmed', DEMO_IDS.adele],
  ],
  completed: [
    ['awaiting_host', DEMO_IDS.megan],
    ['confirmed', DEMO_IDS.adele],
    ['completed', 'system'],
  ],
  no_show: [
    ['awaiting_host', DEMO_IDS.megan],
    ['confirmed', DEMO_IDS.adele],
    ['no_show', DEMO_IDS.adele],
  ],
  declined_by_manager: [['declined_by_manager', DEMO_IDS.megan]],
  declined_by_host: [
    ['awaiting_host', DEMO_IDS.megan],
    ['declined_by_host', DEMO_IDS.adele],
  ],
  cancelled: [['cancelled', DEMO_IDS.alex]],
  expired: [['expired', 'system']],
};

/**
 * Alex's request to shadow Adele's discharge team, put straight into `state` with a believable
 * history: Megan is the manager, Adele the host. A proposed time is set where one is awaited.
 */
export function requestInState(state: RequestState, slot: Slot, proposed: Slot, now: Date): ShadowingRequest {
  const at = now.toISOString();
  const history: Transition[] =
    state === 'draft' ? [] : [{ from: 'draft', to: 'awaiting_manager', by: DEMO_IDS.alex, at }];
  let from: RequestState = 'awaiting_manager';
  for (const [to, by] of PATHS[state]) {
    history.push({ from, to, by, at });
    from = to;
  }
  return {
    id: randomUUID(),
    visitorId: DEMO_IDS.alex,
    managerId: DEMO_IDS.megan,
    hostId: DEMO_IDS.adele,
    offerId: DISCHARGE_OFFER,
    state,
    what: 'the discharge team',
    offerTitle: 'Discharge board round',
    purpose: 'To understand why discharges from my ward get delayed',
    objectives: ['See a board round'],
    start: slot.start,
    end: slot.end,
    length: 'am',
    setting: 'office',
    ...(state === 'host_proposed_time' ? { proposed } : {}),
    history,
    createdAt: at,
    updatedAt: at,
  };
}

/** The move that leads into each state. */
const MOVE_INTO: Partial<Record<RequestState, Action>> = {
  awaiting_manager: 'submit',
  awaiting_host: 'approve',
  host_proposed_time: 'propose_time',
  confirmed: 'accept',
  completed: 'complete',
  no_show: 'no_show',
  declined_by_manager: 'decline_release',
  declined_by_host: 'decline_visit',
  cancelled: 'cancel',
  expired: 'expire',
};

/** Writes what the request's last move would have written with it: pointers and messages. */
export async function writeFollowUps(services: Services, request: ShadowingRequest): Promise<void> {
  await writeTasks(services.tasks, request);
  const last = request.history.at(-1);
  const move = last && MOVE_INTO[last.to];
  if (last && move) await notifyParties(services.outbox, request, move, last.by, new Date(last.at));
}

/** The request and everything written because of it, without version tags, for before/after comparisons. */
export async function relatedDocuments(store: DocumentStore, request: ShadowingRequest): Promise<string> {
  const byRequest = { where: [{ field: 'requestId', op: '=' as const, value: request.id }] };
  const [doc, tasks, outbox] = await Promise.all([
    store.read('requests', request.id, request.visitorId),
    store.query('tasks', byRequest),
    store.query('outbox', byRequest),
  ]);
  const sorted = (docs: Array<{ id: string }>) => [...docs].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({ request: doc?.doc, tasks: sorted(tasks), outbox: sorted(outbox) });
}

/** Tuesday and Thursday mornings at least a week ahead when Alex may visit Adele's team. */
export async function freeMornings(services: Services, count: number, now: Date): Promise<Slot[]> {
  const alex = (await services.people.findById(DEMO_IDS.alex)) as Person;
  const offer = (await services.offers.find(DEMO_IDS.adele, DISCHARGE_OFFER))?.offer as HostOffer;
  const found: Slot[] = [];
  for (let day = 7; day < 70 && found.length < count; day += 1) {
    const date = new Date(now.getTime() + day * 86_400_000);
    if (![2, 4].includes(date.getUTCDay())) continue;
    const slot = slotForDay(date.toISOString().slice(0, 10), 'am');
    const context = await loadClashContext(services, alex, offer, {
      from: new Date(slot.start),
      to: new Date(slot.end),
    });
    if (checkVisit({ ...context, heldBookings: [], start: slot.start, end: slot.end }).ok) found.push(slot);
  }
  if (found.length < count)
    throw new Error(`Alex is free for the discharge team on only ${found.length} mornings`);
  return found;
}

/** Removes a request and everything written because of it, and the offer's places, for the next case. */
export async function clearRequest(store: DocumentStore, request: ShadowingRequest): Promise<void> {
  await store.delete('requests', request.id, request.visitorId);
  for (const container of ['tasks', 'outbox'] as const) {
    for (const doc of await store.query(container, {
      where: [{ field: 'requestId', op: '=', value: request.id }],
    })) {
      await store.delete(container, doc.id, String(container === 'tasks' ? doc.assigneeId : doc.personId));
    }
  }
  await store.delete('tasks', `ledger:${DISCHARGE_OFFER}`, DEMO_IDS.adele);
}

/** Stores `request` with its place held with Adele and everything its last move files written. */
export async function fileWithPlaceHeld(services: Services, request: ShadowingRequest): Promise<void> {
  await services.requests.create(request);
  await services.holds.reserve(
    DEMO_IDS.adele,
    request.offerId!,
    { requestId: request.id, start: request.start!, end: request.end! },
    async () => ({ ok: true }),
  );
  await writeFollowUps(services, request);
}
