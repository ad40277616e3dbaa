import type { DocumentStore } from '../../../src/store/documentStore';
import { HoldsRepository, type Hold } from '../../../src/store/repositories/holdsRepository';
import { embeddedSubject } from '../../support/workflowStores';

/**
 * What a send reads of an offer's places: whether a request holds its place (the scheduler and a
 * second click ask before announcing it), and, when reserving, the request's own holds apart from
 * everyone else's (a send finds there the place an earlier or concurrent send of it took).
 */
describe('the places held with an offer', () => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  const holds = () => new HoldsRepository(store);
  const mine: Hold = { requestId: 'mine', start: '2026-05-05T08:00:00Z', end: '2026-05-05T12:00:00Z' };
  const theirs: Hold = { requestId: 'theirs', start: '2026-05-06T08:00:00Z', end: '2026-05-06T12:00:00Z' };

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    store = opened.store;
    cleanup = opened.cleanup;
    await store.upsert('tasks', {
      id: 'ledger:offer-1',
      assigneeId: 'host-1',
      role: 'ledger',
      offerId: 'offer-1',
      holds: [mine, theirs],
    });
  });
  afterAll(async () => cleanup());

  it('says whether a request holds its place at a start, however the instant is written', async () => {
    await expect(holds().isHeld('host-1', 'offer-1', 'mine', '2026-05-05T09:00:00+01:00')).resolves.toBe(
      true,
    );
    await expect(holds().isHeld('host-1', 'offer-1', 'mine', '2026-05-06T08:00:00Z')).resolves.toBe(false);
    await expect(holds().isHeld('host-1', 'offer-1', 'nobody', mine.start)).resolves.toBe(false);
    await expect(holds().isHeld('host-1', 'offer-2', 'mine', mine.start)).resolves.toBe(false);
  });

  it("gives the decision the request's own holds apart from the others, and replaces them", async () => {
    const seen: Array<{ others: string[]; own: Hold[] }> = [];
    const moved = { ...mine, start: '2026-05-07T08:00:00.000Z', end: '2026-05-07T12:00:00.000Z' };

    const decision = await holds().reserve('host-1', 'offer-1', moved, async (others, own) => {
      seen.push({ others: others.map((h) => h.requestId), own });
      return { ok: true };
    });

    expect(decision).toEqual({ ok: true });
    expect(seen).toEqual([{ others: ['theirs'], own: [mine] }]);
    await expect(holds().isHeld('host-1', 'offer-1', 'mine', moved.start)).resolves.toBe(true);
    await expect(holds().isHeld('host-1', 'offer-1', 'mine', mine.start)).resolves.toBe(false);
    await expect(holds().isHeld('host-1', 'offer-1', 'theirs', theirs.start)).resolves.toBe(true);
  });
});
