import { buildReport, reportPeriod } from '../../../../src/domain/digest/buildReport';
import { countDeclines } from '../../../../src/domain/digest/countDeclines';
import type { DigestWorld } from '../../../../src/domain/digest/digestTypes';
import { measureRelease } from '../../../../src/domain/digest/measureRelease';
import { outlineReport } from '../../../../src/domain/digest/outlineDigest';
import { renderOutlineText } from '../../../../src/domain/digest/renderOutlineText';
import type { RequestWithOutcomes } from '../../../../src/domain/outcomes/outcomeTypes';
import type { RequestState, ShadowingRequest } from '../../../../src/domain/requests';
import { NOW, PEOPLE } from '../../../support/digestFixtures';

const PERIOD = { from: '2026-02-01', to: '2026-02-28' };
const IN = '2026-02-10T09:00:00Z';
const OUT = '2026-01-20T09:00:00Z';
let next = 0;

function visit(
  visitorId: string,
  state: RequestState,
  start: string,
  cover: Partial<ShadowingRequest> = {},
  history: ShadowingRequest['history'] = [],
): RequestWithOutcomes {
  next += 1;
  return {
    id: `r-${next}`,
    visitorId,
    managerId: 'megan',
    hostId: 'adele',
    state,
    purpose: 'PRIVATE',
    objectives: ['PRIVATE'],
    start,
    end: new Date(Date.parse(start) + 4 * 3_600_000).toISOString(),
    history,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: start,
    ...cover,
  };
}

const SHIFT = { timeBasis: 'work_time', releaseHours: 4, coverHours: 4 } as const;
const declined = (at: string) => [
  { from: 'awaiting_manager' as const, to: 'declined_by_manager' as const, by: 'megan', at },
];

const REQUESTS: RequestWithOutcomes[] = [
  visit('alex', 'completed', IN, {
    ...SHIFT,
    cover: 'arranged',
    coverMethod: 'rota_coordinator',
    coverCostEstimateGbp: 120.5,
  }),
  visit('dana', 'no_show', IN, {
    ...SHIFT,
    cover: 'arranged',
    coverMethod: 'within_team',
    coverCostEstimateGbp: 0,
  }),
  visit('bob', 'confirmed', IN, {
    timeBasis: 'work_time',
    releaseHours: 3.5,
    coverHours: 0,
    cover: 'not_needed',
    coverMethod: 'not_needed',
    coverCostEstimateGbp: 0,
  }),
  // Cover could not be found and the visit went ahead: nothing was bought.
  visit('carl', 'completed', IN, {
    ...SHIFT,
    cover: 'failed',
    coverMethod: 'rota_coordinator',
    coverCostEstimateGbp: 130,
    releasedWithoutCover: true,
  }),
  // A bank shift asked for when no rate was known: counted, but not in the cost.
  visit('adele', 'completed', IN, { ...SHIFT, cover: 'pending', coverMethod: 'bank_or_locum' }),
  // Not counted: own time (stored before release was kept), called off, outside the period, not booked.
  visit('lynne', 'completed', IN),
  visit('alex', 'cancelled', IN, { ...SHIFT, cover: 'arranged', coverCostEstimateGbp: 200 }),
  visit('bob', 'completed', OUT, { ...SHIFT, cover: 'arranged', coverCostEstimateGbp: 90 }),
  visit('lynne', 'awaiting_host', IN, { ...SHIFT, cover: 'pending', coverCostEstimateGbp: 90 }),
  // Declines: two for no cover, one for timing, one from before categories, one last month, one by a host.
  visit('alex', 'declined_by_manager', IN, { ...SHIFT, declineCategory: 'no_cover' }, declined(IN)),
  visit('dana', 'declined_by_manager', IN, { declineCategory: 'no_cover' }, declined('2026-02-03T10:00:00Z')),
  visit('carl', 'declined_by_manager', IN, { declineCategory: 'timing' }, declined(IN)),
  visit('bob', 'declined_by_manager', IN, {}, declined(IN)),
  visit('bob', 'declined_by_manager', IN, { declineCategory: 'service_pressures' }, declined(OUT)),
  visit('carl', 'declined_by_host', IN, {}, [
    { from: 'awaiting_host', to: 'declined_by_host', by: 'adele', at: IN },
  ]),
];

function world(requests: RequestWithOutcomes[] = REQUESTS): DigestWorld {
  return { requests, exchanges: [], people: new Map(PEOPLE.map((p) => [p.id, p])) };
}

describe('release and cover in reports', () => {
  const period = reportPeriod(PERIOD);

  it('adds up visits held or booked in work time, costing only cover that was provided', () => {
    expect(measureRelease(world(), period).total).toEqual({
      visits: 5,
      releaseHours: 19.5,
      coverHours: 16,
      coverCostGbp: 120.5,
      unestimated: 1,
    });
  });

  it("groups by the visitor's department and staff group, listing only those with any, most hours first", () => {
    const release = measureRelease(world(), period);
    expect(
      release.byDepartment.map((g) => [g.name, g.visits, g.releaseHours, g.coverHours, g.coverCostGbp]),
    ).toEqual([
      ['Acute Medicine', 2, 8, 8, 120.5],
      ['Discharge Team', 1, 4, 4, 0],
      ['Radiology', 1, 4, 4, 0],
      ['Pharmacy', 1, 3.5, 0, 0],
    ]);
    expect(release.byProfession.map((g) => g.name)).toEqual([
      'Doctors (medical)',
      'Allied health professions (AHPs)',
      'Nursing',
      'Pharmacy',
    ]);
  });

  it("counts managers' declines in the period by reason, leaving out reasons nobody gave", () => {
    expect(countDeclines(world(), period)).toEqual([
      { category: 'no_cover', count: 2 },
      { category: 'timing', count: 1 },
      { category: 'not_recorded', count: 1 },
    ]);
  });

  it('says it in plain words, the cost labelled as an estimate, with no empty rows', () => {
    const text = renderOutlineText(outlineReport(buildReport(PERIOD, world(), NOW)));
    expect(text).toMatch(/Visits in work time\s+5 \(held or booked\)/);
    expect(text).toMatch(/Released from rotas\s+19.5 hours/);
    expect(text).toMatch(/Cover needed\s+16 hours/);
    expect(text).toMatch(/Estimated cover cost\s+£121 \(an estimate at bank rates, not what was paid\)/);
    expect(text).toMatch(/Not in the estimate\s+1 visit needing cover with no rate to estimate from/);
    expect(text).toContain('- Acute Medicine: 2 visits, 8 hours released, 8 hours of cover, estimated £121');
    expect(text).toContain('- Radiology: 1 visit, 4 hours released, 4 hours of cover, no paid cover');
    expect(text).toContain('- Pharmacy: 1 visit, 3.5 hours released, 0 hours of cover\n');
    expect(text).not.toContain('Physiotherapy');
    expect(text).toContain('- No cover available: 2\n  - The timing does not work: 1\n');
    expect(text).toContain('- Reason not recorded (declined before reasons were kept): 1');
    expect(text).not.toContain('PRIVATE');
  });

  it("narrows to a department's visitors and hosts like the other figures", () => {
    const report = buildReport({ ...PERIOD, department: 'Pharmacy' }, world(), NOW);
    expect(report.organisation.release.byDepartment.map((g) => g.name)).toEqual(['Pharmacy']);
    expect(report.organisation.declines).toEqual([{ category: 'not_recorded', count: 1 }]);
  });

  it('says so in one line when nothing was in work time or declined', () => {
    const text = renderOutlineText(outlineReport(buildReport(PERIOD, world([]), NOW)));
    expect(text).toContain('Work time and cover:\n  - No visits in work time in this period.');
    expect(text).toContain('- No manager declined a request in this period.');
    expect(text).not.toMatch(/by the visitor's department/);
  });
});
