import { createHostFinder } from '../../../src/app/hostFinder';
import { createServices, type Services } from '../../../src/app/services';
import type { HostOffer, Weekday } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import type { RequestDraft } from '../../../src/domain/requestDialog/draft';
import type { DocumentStore } from '../../../src/store/documentStore';
import { embeddedSubject } from '../../support/workflowStores';

const NOW = new Date('2026-03-02T09:00:00Z');

function person(id: string): Person {
  return {
    id,
    email: `${id}@trust.nhs.uk`,
    name: `Person ${id}`,
    jobTitle: 'Staff',
    department: id === 'visitor' ? 'Ward 7' : 'Discharge team',
    profession: id === 'visitor' ? 'nursing' : 'ahp',
    roles: ['staff'],
  };
}

function offer(hostId: string, weekday: Weekday): HostOffer {
  return {
    id: `offer-${hostId}`,
    hostId,
    title: 'Discharge planning',
    description: 'Discharge planning with the team.',
    profession: 'ahp',
    department: 'Discharge team',
    setting: 'office',
    sessions: [{ weekday, part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 8,
    openTo: [],
    prerequisites: '',
    meetingPoint: 'Main reception',
    status: 'active',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function draft(from: string, to: string, fields: Partial<RequestDraft> = {}): RequestDraft {
  return {
    step: 'host',
    trail: [],
    what: 'discharge planning',
    purpose: 'To see how discharges are planned',
    objectives: ['See a discharge planned'],
    window: { from, to },
    length: 'am',
    startedAt: NOW.toISOString(),
    ...fields,
  };
}

/**
 * The host search reads the rotas and places of the offers it looks at closely; an offer with no
 * session in the visitor's dates (or on the weekdays they asked for) can have no time whatever the
 * rotas say, so its host's rota and places are not read, and the answer is the same.
 */
describe('hostFinder: rotas read only for offers with a session in the dates', () => {
  let services: Services;
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  const visitor = person('visitor');

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    store = opened.store;
    cleanup = opened.cleanup;
    services = createServices(store, () => NOW);
    for (const p of [visitor, person('tuesday'), person('thursday')]) await services.people.upsert(p);
    await services.offers.create(offer('tuesday', 'tue'));
    await services.offers.create(offer('thursday', 'thu'));
  });
  afterAll(async () => cleanup());

  /** The hosts found, and whose rotas and which offers' places the search read. */
  async function search(wanted: RequestDraft) {
    const read = jest.spyOn(store, 'read');
    const readMany = jest.spyOn(store, 'readMany');
    try {
      const hosts = await createHostFinder(services, visitor, () => NOW).findHosts(wanted);
      const partitions = (container: string) =>
        [
          ...new Set([
            ...read.mock.calls.filter(([c]) => c === container).map(([, , key]) => key),
            ...readMany.mock.calls.filter(([c]) => c === container).map(([, key]) => key),
          ]),
        ].sort();
      return {
        hosts: hosts.map((h) => ({ host: h.hostId, slots: h.slots.map((s) => s.start) })),
        rotas: partitions('rota'),
        places: partitions('tasks'),
      };
    } finally {
      read.mockRestore();
      readMany.mockRestore();
    }
  }

  it('reads both hosts when both have a session in the dates', async () => {
    const found = await search(draft('2026-03-03', '2026-03-06'));
    expect(found.hosts).toEqual([
      { host: 'thursday', slots: ['2026-03-05T09:00:00.000Z'] },
      { host: 'tuesday', slots: ['2026-03-03T09:00:00.000Z'] },
    ]);
    expect(found.rotas).toEqual(['thursday', 'tuesday', 'visitor']);
    expect(found.places).toEqual(['thursday', 'tuesday']);
  });

  it('does not read the rota or places of a host with no session in the dates', async () => {
    const found = await search(draft('2026-03-03', '2026-03-03'));
    expect(found.hosts).toEqual([{ host: 'tuesday', slots: ['2026-03-03T09:00:00.000Z'] }]);
    expect(found.rotas).toEqual(['tuesday', 'visitor']);
    expect(found.places).toEqual(['tuesday']);
  });

  it('does not read them for a host with no session on the weekdays asked for, nor for one whose session is an afternoon when a morning is asked for', async () => {
    const thursdays = await search(
      draft('2026-03-02', '2026-03-13', {
        window: { from: '2026-03-02', to: '2026-03-13', weekdays: ['thu'] },
      }),
    );
    expect(thursdays.hosts.map((h) => h.host)).toEqual(['thursday']);
    expect(thursdays.rotas).toEqual(['thursday', 'visitor']);
    const afternoons = await search(draft('2026-03-03', '2026-03-06', { length: 'pm' }));
    expect(afternoons).toEqual({ hosts: [], rotas: [], places: [] });
  });

  it('still reads every rota for a visit of the visitor’s own times', async () => {
    const found = await search(
      draft('2026-03-03', '2026-03-03', { length: 'custom', customTimes: { start: '10:00', end: '12:00' } }),
    );
    expect(found.rotas).toEqual(['thursday', 'tuesday', 'visitor']);
  });
});
