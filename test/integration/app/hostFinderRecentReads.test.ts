import { createHostFinder } from '../../../src/app/hostFinder';
import { RecentSearchReads, SEARCH_READS_KEEP_MS } from '../../../src/app/recentSearchReads';
import { createServices, type Services } from '../../../src/app/services';
import { submitRequest } from '../../../src/app/submitRequest';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import type { HostOption } from '../../../src/domain/requestDialog/draft';
import type { DocumentStore } from '../../../src/store/documentStore';
import { ReadAheadStore } from '../../../src/store/readAheadStore';
import {
  ADELE_OFFER,
  DEMO_TODAY,
  DISCHARGE_SEARCH,
  finishedDraft,
  personOf,
  seedWorkflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const draft = DISCHARGE_SEARCH;

/** The containers whose documents a search may take from its recent copies. */
const KEPT_CONTAINERS = ['rota', 'tasks', 'requests', 'people'];

/**
 * The host search through this instance's recent copies (RecentSearchReads) finds exactly what a
 * search that reads the store finds; it reads the rotas, places, open requests and names again
 * at once when this instance writes them, and once the copies expire when another instance does.
 * Sending a request never trusts a copy: it checks the clash rules against the store.
 */
describe.each(STORE_SUBJECTS)('host search with recent copies ($name)', (subject) => {
  let raw: DocumentStore;
  let cleanup: () => Promise<void>;
  /** This instance: searches through its recent copies. */
  let here: Services;
  /** Another instance over the same store, with no copies: writes, and searches as the store is. */
  let there: Services;
  let alex: Person;
  let copiesNow: number;

  beforeEach(async () => {
    const opened = await subject.open();
    raw = opened.store;
    cleanup = opened.cleanup;
    await seedWorkflow(raw);
    copiesNow = 1_000_000;
    const hereStore = new ReadAheadStore(raw);
    const searchReads = new RecentSearchReads(hereStore, () => copiesNow);
    here = createServices(hereStore, () => DEMO_TODAY, undefined, undefined, { searchReads });
    there = createServices(new ReadAheadStore(raw), () => DEMO_TODAY);
    alex = await personOf(there, DEMO_IDS.alex);
  });
  afterEach(async () => cleanup());

  const searchHere = () => createHostFinder(here, alex, () => DEMO_TODAY).findHosts(draft);
  const searchStore = () => createHostFinder(there, alex, () => DEMO_TODAY).findHosts(draft);
  const adeleFirstSlot = (hosts: HostOption[]) => {
    const slot = hosts.find((h) => h.offerId === ADELE_OFFER)?.slots[0];
    if (!slot) throw new Error('the search found no time with Adele');
    return slot;
  };

  /** Reads of the kept containers while `work` runs, as `operation container`. */
  async function keptReadsDuring<T>(work: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
    const spies = (['read', 'readMany', 'query'] as const).map((operation) => jest.spyOn(raw, operation));
    try {
      const result = await work();
      const reads = spies.flatMap((spy, i) =>
        spy.mock.calls
          .map(([container]) => String(container))
          .filter((container) => KEPT_CONTAINERS.includes(container))
          .map((container) => `${['read', 'readMany', 'query'][i]} ${container}`),
      );
      return { result, reads };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  /** Gives Adele a day of annual leave over the morning, through `services`' store. */
  async function adeleOnLeave(services: Services, slot: { start: string; end: string }): Promise<void> {
    const month = slot.start.slice(0, 7);
    const stored = await services.rota.readMonth(DEMO_IDS.adele, month);
    const shifts = stored?.rota.shifts ?? [];
    const leave = { start: slot.start, end: slot.end, kind: 'annual_leave' as const, code: 'AL' };
    await services.rota.saveMonth(
      { personId: DEMO_IDS.adele, month, shifts: [...shifts, leave] },
      stored?.etag,
    );
  }

  it('finds the same hosts, times and reasons as a search of the store, and the second search reads none of them again', async () => {
    const first = await keptReadsDuring(searchHere);
    expect(first.result).toEqual(await searchStore());
    expect(first.result.length).toBeGreaterThan(0);
    expect(first.reads).toEqual(expect.arrayContaining(['read tasks', 'query requests', 'read people']));
    const second = await keptReadsDuring(searchHere);
    expect(second.result).toEqual(first.result);
    expect(second.reads).toEqual([]);
  });

  it('finds no shifts, without failing, for a window that is no time at all, as the rota itself does', async () => {
    const range = [new Date('not a date'), new Date('2025-03-15T00:00:00Z')] as const;
    await expect(here.searchSources?.rota.shiftsBetween(DEMO_IDS.adele, ...range)).resolves.toEqual([]);
    await expect(there.rota.shiftsBetween(DEMO_IDS.adele, ...range)).resolves.toEqual([]);
  });

  it('sees at once a rota month this instance writes', async () => {
    const before = await searchHere();
    await adeleOnLeave(here, adeleFirstSlot(before));
    const after = await searchHere();
    expect(after).not.toEqual(before);
    expect(after).toEqual(await searchStore());
  });

  it('sees at once a request and its place this instance writes', async () => {
    const before = await searchHere();
    const slot = adeleFirstSlot(before);
    const offer = (await here.offers.find(DEMO_IDS.adele, ADELE_OFFER))?.offer;
    if (!offer) throw new Error('the demo offer is missing');
    const sent = await submitRequest(here, alex, finishedDraft(offer, slot, DEMO_TODAY), DEMO_TODAY);
    expect(sent.ok).toBe(true);
    const after = await searchHere();
    expect(after).not.toEqual(before);
    expect(after).toEqual(await searchStore());
    expect(after.flatMap((h) => h.slots).map((s) => s.start)).not.toContain(slot.start);
  });

  it('sees another instance’s change once its copies expire, and a send in the meantime is checked against the store', async () => {
    const before = await searchHere();
    const slot = adeleFirstSlot(before);
    await adeleOnLeave(there, slot);
    const fresh = await searchStore();
    expect(fresh).not.toEqual(before);
    // Within the copies' few seconds, the search still shows what it read: advice only.
    copiesNow += SEARCH_READS_KEEP_MS - 1;
    expect(await searchHere()).toEqual(before);
    // Sending that time reads the rotas afresh and is refused.
    const offer = (await here.offers.find(DEMO_IDS.adele, ADELE_OFFER))?.offer;
    if (!offer) throw new Error('the demo offer is missing');
    const sent = await submitRequest(here, alex, finishedDraft(offer, slot, DEMO_TODAY), DEMO_TODAY);
    expect(sent).toEqual({ ok: false, problems: [expect.stringMatching(/host is away/)] });
    copiesNow += 1;
    expect(await searchHere()).toEqual(fresh);
  });
});
