import { checkVisit } from '../../src/domain/clash';
import type { HostOffer } from '../../src/domain/offers';
import type { Person } from '../../src/domain/people';
import type { RequestDraft } from '../../src/domain/requestDialog/draft';
import { slotForDay } from '../../src/domain/requestDialog/slotForDay';
import type { ShadowingRequest } from '../../src/domain/requests';
import { loadClashContext } from '../../src/app/loadClashContext';
import { createServices, type Services } from '../../src/app/services';
import { submitRequest } from '../../src/app/submitRequest';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import type { DocumentStore } from '../../src/store/documentStore';
import { settleBeforeClose } from './settleBeforeClose';

/** The Monday the demo organisation is built from: an ordinary week, no bank holidays near. */
export const DEMO_TODAY = new Date('2025-03-03T09:00:00Z');
/** A Tuesday two weeks later: a morning Adele's discharge team offers. */
export const VISIT_DAY = '2025-03-18';
export const ADELE_OFFER = 'demo-offer-discharge-board-round';

export interface Workflow {
  store: DocumentStore;
  services: Services;
  offer: HostOffer;
  /** Moves the clock the services read. */
  setNow(at: Date): void;
}

/** Seeds the demo organisation and builds the use cases over it, with a clock the test moves. */
export async function seedWorkflow(store: DocumentStore, now = DEMO_TODAY): Promise<Workflow> {
  await seedDemoOrganisation(store, { today: DEMO_TODAY, force: true });
  let current = now;
  const services = createServices(store, () => current);
  settleBeforeClose(() => services.afterAnswer.idle());
  const found = await services.offers.find(DEMO_IDS.adele, ADELE_OFFER);
  if (!found) throw new Error('the demo offer is missing');
  return { store, services, offer: found.offer, setNow: (at) => (current = at) };
}

/** A visitor's search for the discharge team's mornings over three weeks after DEMO_TODAY, hosts not yet found. */
export const DISCHARGE_SEARCH: RequestDraft = {
  step: 'host',
  trail: [],
  what: 'the discharge team',
  purpose: 'To understand why discharges from my ward get delayed',
  objectives: ['See a board round'],
  window: { from: '2025-03-10', to: '2025-03-28' },
  length: 'am',
  startedAt: DEMO_TODAY.toISOString(),
};

export function morningOf(day: string): { start: string; end: string } {
  return slotForDay(day, 'am');
}

/** A request conversation finished up to its summary, for this offer and time. */
export function finishedDraft(
  offer: HostOffer,
  slot: { start: string; end: string },
  now: Date,
): RequestDraft {
  return {
    step: 'summary',
    trail: [],
    what: 'the discharge team',
    purpose: 'To understand why discharges from my ward get delayed',
    objectives: ['See a board round', 'Learn how a discharge is planned'],
    length: 'am',
    chosen: {
      offerId: offer.id,
      hostId: offer.hostId,
      title: offer.title,
      hostName: 'Adele Vance',
      setting: offer.setting,
      sensitive: false,
    },
    slot,
    startedAt: now.toISOString(),
  };
}

/**
 * Demo staff with a line manager who could visit the host then: free on their rota and not the
 * host or the host's manager. Checked without anyone's holds, so they compete only for places.
 */
export async function freeVisitors(
  services: Services,
  offer: HostOffer,
  slot: { start: string; end: string },
  count: number,
  exclude: readonly Person[] = [],
): Promise<Person[]> {
  const taken = new Set(exclude.map((p) => p.id));
  const everyone = (await services.people.listAll()).filter(
    (p) => p.managerId && p.id !== offer.hostId && p.id !== DEMO_IDS.isaiah && !taken.has(p.id),
  );
  everyone.sort((a, b) => a.id.localeCompare(b.id));
  const free: Person[] = [];
  for (const person of everyone) {
    const context = await loadClashContext(services, person, offer, {
      from: new Date(slot.start),
      to: new Date(slot.end),
    });
    if (checkVisit({ ...context, heldBookings: [], start: slot.start, end: slot.end }).ok) free.push(person);
    if (free.length === count) return free;
  }
  throw new Error(`only ${free.length} demo staff are free then; ${count} were wanted`);
}

/** One different free visitor for each slot. */
export async function visitorPerSlot(
  services: Services,
  offer: HostOffer,
  slots: ReadonlyArray<{ start: string; end: string }>,
): Promise<Person[]> {
  const chosen: Person[] = [];
  for (const slot of slots) chosen.push(...(await freeVisitors(services, offer, slot, 1, chosen)));
  return chosen;
}

/** Submits a finished draft for this visitor and returns the stored request. */
export async function submitFor(
  workflow: Workflow,
  visitor: Person,
  slot: { start: string; end: string },
): Promise<ShadowingRequest> {
  const now = workflow.services.clock();
  const result = await submitRequest(
    workflow.services,
    visitor,
    finishedDraft(workflow.offer, slot, now),
    now,
  );
  if (!result.ok) throw new Error(`submission refused: ${result.problems.join(' ')}`);
  return result.request;
}

export async function personOf(services: Services, id: string): Promise<Person> {
  const person = await services.people.findById(id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}
