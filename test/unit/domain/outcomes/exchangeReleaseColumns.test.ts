import { estimateCover, type CoverMethod } from '../../../../src/domain/cover/coverMethods';
import { rateFor } from '../../../../src/domain/cover/coverRates';
import { applyCoverAction, chooseCover } from '../../../../src/domain/cover/coverTransitions';
import { DEFAULT_COVER_RATES } from '../../../../src/domain/cover/defaultCoverRates';
import { EXCHANGE_COLUMNS, exchangeRow } from '../../../../src/domain/outcomes/exchangeColumns';
import { buildExchangeRecord, type ExchangeRecord } from '../../../../src/domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../../../src/domain/outcomes/outcomeTypes';
import type { ReleaseSummary } from '../../../../src/domain/clash';
import type { Person } from '../../../../src/domain/people';
import type { ShadowingRequest } from '../../../../src/domain/requests';

const AT = new Date('2027-03-02T10:00:00Z');
const visitor: Person = {
  id: 'visitor',
  email: 'ben.carter@trust.example',
  name: 'Ben Carter',
  jobTitle: 'Staff Nurse',
  department: 'Acute Medicine',
  profession: 'nursing',
  roles: ['staff'],
  managerId: 'manager',
  grade: 'Band 5',
};
const RATE = rateFor(DEFAULT_COVER_RATES, 'nursing', 'Band 5')!;
const LONG_DAY: ReleaseSummary = { timeBasis: 'work_time' as const, releaseHours: 4, coverHours: 4 };
const STUDY: ReleaseSummary = { timeBasis: 'work_time' as const, releaseHours: 3.5, coverHours: 0 };
const OWN_TIME: ReleaseSummary = { timeBasis: 'own_time' as const, releaseHours: 0, coverHours: 0 };

function completed(overrides: Partial<ShadowingRequest> = {}): RequestWithOutcomes {
  return {
    id: 'r1',
    visitorId: 'visitor',
    managerId: 'manager',
    hostId: 'host',
    state: 'completed',
    purpose: 'To learn',
    objectives: ['See a board round'],
    start: '2027-03-09T09:00:00.000Z',
    end: '2027-03-09T13:00:00.000Z',
    history: [],
    createdAt: AT.toISOString(),
    updatedAt: AT.toISOString(),
    ...overrides,
  };
}

/** A request released the way the manager's card does it, with the cover then decided. */
function released(
  release: ReleaseSummary,
  method?: CoverMethod,
  then?: 'cover_arranged' | 'cover_failed',
): RequestWithOutcomes {
  const chosen = chooseCover(completed({ state: 'awaiting_host' }), {
    release,
    estimate: estimateCover(release.coverHours, RATE),
    ...(method ? { method } : {}),
    arrangerId: 'coordinator',
    by: 'manager',
    at: AT,
  });
  const decided = then
    ? applyCoverAction(chosen, then, { id: 'coordinator', isProgrammeLead: false }, AT, 'Nobody free')
    : { ok: true as const, request: chosen };
  if (!decided.ok) throw new Error(decided.refusal);
  return { ...decided.request, state: 'completed' };
}

function rowOf(request: RequestWithOutcomes): Record<string, unknown> {
  const record = buildExchangeRecord({ request, visitor, remindersNeeded: 0, now: AT });
  if (!record) throw new Error('no record');
  return exchangeRow(record);
}

const COVER_COLUMNS = [
  'time_basis',
  'release_hours',
  'cover_hours',
  'cover_method',
  'cover_status',
  'cover_cost_estimate_gbp',
] as const;

function coverCells(row: Record<string, unknown>): unknown[] {
  return COVER_COLUMNS.map((name) => row[name]);
}

describe('release and cover in the exchange export', () => {
  const bank = Math.round(4 * RATE.bank * 100) / 100;

  it.each<[string, RequestWithOutcomes, unknown[]]>([
    ['own time', released(OWN_TIME), ['own_time', 0, 0, 'not_needed', 'not_needed', 0]],
    [
      'training or study: released, no cover',
      released(STUDY),
      ['work_time', 3.5, 0, 'not_needed', 'not_needed', 0],
    ],
    [
      'covered within the team',
      released(LONG_DAY, 'within_team'),
      ['work_time', 4, 4, 'within_team', 'arranged', 0],
    ],
    [
      'manager says no cover is needed',
      released(LONG_DAY, 'not_needed'),
      ['work_time', 4, 4, 'not_needed', 'not_needed', 0],
    ],
    [
      'bank shift, never confirmed',
      released(LONG_DAY, 'bank_or_locum'),
      ['work_time', 4, 4, 'bank_or_locum', 'pending', bank],
    ],
    [
      'bank shift arranged',
      released(LONG_DAY, 'bank_or_locum', 'cover_arranged'),
      ['work_time', 4, 4, 'bank_or_locum', 'arranged', bank],
    ],
    [
      'rota coordinator arranged it',
      released(LONG_DAY, 'rota_coordinator', 'cover_arranged'),
      ['work_time', 4, 4, 'rota_coordinator', 'arranged', bank],
    ],
    [
      'rota coordinator could not, released without cover: nothing bought',
      released(LONG_DAY, 'rota_coordinator', 'cover_failed'),
      ['work_time', 4, 4, 'rota_coordinator', 'failed', 0],
    ],
  ])('%s', (_, request, expected) => {
    expect(coverCells(rowOf(request))).toEqual(expected);
  });

  it('reads a request stored before release was kept as own time, nothing released, no cover', () => {
    expect(coverCells(rowOf(completed()))).toEqual(['own_time', 0, 0, undefined, 'not_needed', undefined]);
  });

  it('reads a record written before release was kept as own time, no cover, and no longer exports its rota flag or cost text', () => {
    const record = buildExchangeRecord({ request: completed(), visitor, remindersNeeded: 0, now: AT });
    const { release: _release, ...rest } = record as ExchangeRecord;
    const old: ExchangeRecord = {
      ...rest,
      cover: { visitorRostered: true, notesGiven: false },
      costs: { stated: true, amountGbp: 12.5 },
    };
    const row = exchangeRow(old);
    expect(coverCells(row)).toEqual(['own_time', 0, 0, undefined, 'not_needed', undefined]);
    expect(Object.keys(row)).not.toEqual(
      expect.arrayContaining(['visitor_rostered', 'costs_stated', 'cost_gbp']),
    );
    expect(JSON.stringify(row)).not.toContain('12.5');
  });

  it('says a cover note was given without giving it', () => {
    const row = rowOf({ ...released(LONG_DAY, 'within_team'), coverNotes: 'Chloe Adams covers the bay' });
    expect(row.cover_notes_given).toBe(true);
    expect(JSON.stringify(row)).not.toContain('Chloe');
  });

  it('puts the cover columns after reminders_needed, in the documented order', () => {
    const names = EXCHANGE_COLUMNS.map(([name]) => name);
    const at = names.indexOf('reminders_needed');
    expect(names.slice(at + 1, at + 8)).toEqual([...COVER_COLUMNS, 'cover_notes_given']);
  });
});
