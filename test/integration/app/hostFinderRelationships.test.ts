import { createHostFinder } from '../../../src/app/hostFinder';
import { createServices, type Services } from '../../../src/app/services';
import type { HostOffer } from '../../../src/domain/offers';
import type { ExchangeRecord } from '../../../src/domain/outcomes/exchangeRecord';
import type { Person } from '../../../src/domain/people';
import type { RequestDraft } from '../../../src/domain/requestDialog/draft';
import { embeddedSubject } from '../../support/workflowStores';

const NOW = new Date('2026-03-02T09:00:00Z');

function person(id: string, department: string): Person {
  return {
    id,
    email: `${id}@trust.nhs.uk`,
    name: `Person ${id}`,
    jobTitle: 'Staff',
    department,
    profession: id === 'visitor' ? 'nursing' : 'ahp',
    roles: ['staff'],
  };
}

function offer(hostId: string, department: string): HostOffer {
  return {
    id: `offer-${hostId}`,
    hostId,
    title: 'Discharge planning',
    description: 'Discharge planning with the team.',
    profession: 'ahp',
    department,
    setting: 'office',
    sessions: [{ weekday: 'tue', part: 'am' }],
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

function exchange(
  id: string,
  from: string,
  to: string,
  fields: Partial<ExchangeRecord> = {},
): ExchangeRecord {
  return {
    id,
    period: '2025-11',
    requestId: id,
    outcome: 'completed',
    visitStart: '2025-11-04T09:00:00.000Z',
    visitEnd: '2025-11-04T13:00:00.000Z',
    visitDate: '2025-11-04',
    visitor: { profession: 'ahp', department: from },
    host: { profession: 'nursing', department: to },
    crossProfession: true,
    objectives: [{ rating: 'met' }],
    knowledge: [],
    wouldRecommend: true,
    remindersNeeded: 0,
    cover: { visitorRostered: false, notesGiven: false },
    costs: { stated: false },
    visitorFeedback: true,
    hostFeedback: false,
    loggedAt: NOW.toISOString(),
    ...fields,
  };
}

const draft: RequestDraft = {
  step: 'host',
  trail: [],
  what: 'discharge planning',
  purpose: 'To see how discharges are planned',
  objectives: ['See a discharge planned'],
  window: { from: '2026-03-03', to: '2026-03-31' },
  length: 'am',
  startedAt: NOW.toISOString(),
};

describe('hostFinder: teams that have exchanged well before', () => {
  let services: Services;
  let cleanup: () => Promise<void>;
  const visitor = person('visitor', 'Ward 7');

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    services = createServices(opened.store, () => NOW);
    for (const p of [visitor, person('radiology', 'Radiology'), person('frailty', 'Frailty')])
      await services.people.upsert(p);
    for (const o of [offer('radiology', 'Radiology'), offer('frailty', 'Frailty')])
      await services.offers.create(o);
  });
  afterAll(async () => cleanup());

  it('ranks two equal offers by id with no history', async () => {
    const hosts = await createHostFinder(services, visitor, () => NOW).findHosts(draft);
    expect(hosts.map((h) => h.department)).toEqual(['Frailty', 'Radiology']);
    expect(hosts.map((h) => h.reason).join(' ')).not.toContain('exchange');
  });

  it('puts a team with a good past exchange first, saying why; a poor or old one does not count', async () => {
    await services.exchanges.save(exchange('x-good', 'ward 7', 'Radiology'), () => false);
    await services.exchanges.save(
      exchange('x-poor', 'Ward 7', 'Frailty', { wouldRecommend: false }),
      () => false,
    );
    await services.exchanges.save(
      exchange('x-old', 'Frailty', 'Ward 7', { period: '2023-01', visitStart: '2023-01-10T09:00:00.000Z' }),
      () => false,
    );
    const hosts = await createHostFinder(services, visitor, () => NOW).findHosts(draft);
    expect(hosts.map((h) => h.department)).toEqual(['Radiology', 'Frailty']);
    expect(hosts[0]?.reason).toContain('your teams have had 1 good exchange before');
    expect(hosts[1]?.reason).not.toContain('exchange');
  });

  it('looks only at the team a return visit goes back to', async () => {
    const hosts = await createHostFinder(services, visitor, () => NOW).findHosts({
      ...draft,
      returnTo: { department: 'frailty', requestId: 'r-1' },
    });
    expect(hosts.map((h) => h.department)).toEqual(['Frailty']);
  });
});
