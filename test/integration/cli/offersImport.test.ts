import { acceptInduction } from '../../../src/app/offers/acceptInduction';
import { createServices } from '../../../src/app/services';
import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import type { Notification } from '../../../src/app/notifications';
import type { HostOffer } from '../../../src/domain/offers';
import { isCatalogueEntry, type CatalogueEntry } from '../../../src/store/repositories/offerCatalogue';
import { fixture, openTestStore, runAgainst, type TestStore } from './cliHarness';

const OMAR = personIdForEmail('omar.ot@trust.nhs.uk');
const RAJ = personIdForEmail('raj.reg@trust.nhs.uk');
const DANA = personIdForEmail('dana.lead@trust.nhs.uk');

/** The offers themselves: the container also holds the host search's copy of each (its catalogue). */
async function offersOf(store: TestStore): Promise<HostOffer[]> {
  const offers = await store.query<HostOffer & Record<string, unknown>>('offers');
  return offers.filter((doc) => !isCatalogueEntry(doc)).sort((a, b) => a.title.localeCompare(b.title));
}

async function catalogueOf(store: TestStore): Promise<HostOffer[]> {
  const docs = await store.query<Record<string, unknown> & { id: string }>('offers');
  return docs
    .filter(isCatalogueEntry)
    .map((doc) => (doc as CatalogueEntry).offer)
    .sort((a, b) => a.title.localeCompare(b.title));
}

describe('offers import', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openTestStore();
    expect((await runAgainst(store, 'directory', 'import', fixture('staff.csv'))).code).toBe(0);
  });
  afterEach(async () => store.dispose());

  it('imports every offer; one in a sensitive setting waits, paused, for its host to accept the induction terms', async () => {
    const run = await runAgainst(store, 'offers', 'import', fixture('offers.csv'));

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(
      'Imported 3 offers: 3 new, 0 updated, 0 unchanged. 1 offer in a ward, theatre, A&E or critical care ' +
        'waits paused until the host accepts the induction terms on the card sent to them.\n',
    );
    const [omar, raj, board] = await offersOf(store);
    // The host search finds each offer as it was imported.
    expect(await catalogueOf(store)).toEqual([omar, raj, board]);
    expect(omar).toMatchObject({
      hostId: OMAR,
      title: 'A morning with occupational therapy',
      profession: 'ahp',
      department: 'Therapies',
      setting: 'community',
      visitorsPerSession: 1,
      status: 'active',
    });
    expect(omar?.awaitingInduction).toBeUndefined();
    expect(raj).toMatchObject({
      hostId: RAJ,
      setting: 'emergency_department',
      sessions: [
        { weekday: 'mon', part: 'full_day' },
        { weekday: 'wed', part: 'am', start: '07:45', end: '12:00' },
      ],
      visitorsPerSession: 2,
      openTo: ['nursing', 'medical'],
      status: 'paused',
      awaitingInduction: true,
    });
    expect(board).toMatchObject({
      hostId: DANA,
      sessions: [{ date: '2027-01-14', start: '10:00', end: '13:00' }, expect.anything()],
    });

    const cards = await store.query<Notification & Record<string, unknown>>('outbox', { partitionKey: RAJ });
    expect(cards).toEqual([
      expect.objectContaining({
        kind: 'induction_terms',
        personId: RAJ,
        requestId: raj?.id,
        offer: { id: raj?.id, title: 'A shift in the emergency department', setting: 'emergency_department' },
        status: 'pending',
      }),
    ]);
  });

  it('imports nothing from a file with bad rows, naming each line and why; --skip-invalid imports the good ones', async () => {
    const run = await runAgainst(store, 'offers', 'import', fixture('offers-bad.csv'));

    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    const lines = run.err.split('\n').filter((line) => line.startsWith('line '));
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
    ]);
    expect(run.err).toMatch(/Nothing imported: the file has 5 bad rows/);
    expect(await offersOf(store)).toEqual([]);

    const skipping = await runAgainst(store, 'offers', 'import', fixture('offers-bad.csv'), '--skip-invalid');
    expect(skipping.code).toBe(0);
    expect(skipping.out).toBe('Imported 1 offer: 1 new, 0 updated, 0 unchanged. 5 bad rows left out.\n');
    expect((await offersOf(store)).map((o) => o.title)).toEqual(['A morning with occupational therapy']);
  });

  it('re-importing changes nothing; a changed file updates changed fields only and leaves other offers alone', async () => {
    await runAgainst(store, 'offers', 'import', fixture('offers.csv'));
    const before = await offersOf(store);

    const again = await runAgainst(store, 'offers', 'import', fixture('offers.csv'));
    expect(again.out).toMatch(/^Imported 3 offers: 0 new, 0 updated, 3 unchanged\./);
    expect(await offersOf(store)).toEqual(before);

    const changed = await runAgainst(store, 'offers', 'import', fixture('offers-changed.csv'));
    expect(changed.out).toMatch(/^Imported 2 offers: 0 new, 1 updated, 1 unchanged\./);
    const after = await offersOf(store);
    expect(after).toHaveLength(3);
    const omarBefore = before.find((o) => o.hostId === OMAR) as HostOffer;
    expect(after.find((o) => o.hostId === OMAR)).toEqual({
      ...omarBefore,
      title: 'A MORNING WITH OCCUPATIONAL THERAPY',
      capacityPerWeek: 3,
      updatedAt: expect.any(String),
    });
    expect(after.find((o) => o.hostId === DANA)).toEqual(before.find((o) => o.hostId === DANA));
  });

  it('keeps an offer open once its host has accepted the induction terms, through later imports', async () => {
    await runAgainst(store, 'offers', 'import', fixture('offers.csv'));
    const services = createServices(store, () => new Date('2026-03-02T10:00:00Z'));
    const raj = (await offersOf(store)).find((o) => o.hostId === RAJ) as HostOffer;

    expect(await acceptInduction(services, { id: OMAR }, raj.id, services.clock())).toMatchObject({
      ok: false,
    });
    const accepted = await acceptInduction(services, { id: RAJ }, raj.id, services.clock());
    expect(accepted).toMatchObject({
      ok: true,
      offer: { status: 'active', inductionAcceptedAt: '2026-03-02T10:00:00.000Z' },
    });
    expect(accepted.ok && accepted.offer.awaitingInduction).toBeFalsy();

    const again = await runAgainst(store, 'offers', 'import', fixture('offers-changed.csv'));
    expect(again.out).not.toMatch(/waits paused/);
    expect((await offersOf(store)).find((o) => o.hostId === RAJ)?.status).toBe('active');
  });

  it('refuses a file that is not a CSV', async () => {
    const run = await runAgainst(store, 'offers', 'import', 'offers.txt');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/is not a CSV file/);
  });
});
