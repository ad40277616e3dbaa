import fc from 'fast-check';
import {
  checkVisit,
  HOST_RULES,
  RELEASE_RULES,
  VISITOR_RULES,
  type ClashReport,
} from '../../../../src/domain/clash';
import type { Shift } from '../../../../src/domain/rota';
import { BROKEN_TEXT, offer, shift, visitInput } from './clashFixtures';
import { heldFrom, offerTerms, PERIOD_STARTS, shiftsFrom, visitFrom, visitorRules } from './clashArbitraries';

const LONDON_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+0[01]:00$/;

describe('checkVisit report', () => {
  it('is ok with no clashes and no warnings for a free visitor and an open offer', () => {
    expect(
      checkVisit(visitInput('2026-03-03 09:00', '2026-03-03 13:00', { offer: offer([['tue', 'am']]) })),
    ).toEqual({
      ok: true,
      clashes: [],
      release: [],
      warnings: [],
    });
  });

  it('accepts epoch milliseconds as well as ISO strings', () => {
    const input = visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
      visitorShifts: [shift('duty', '2026-03-03 08:00', '2026-03-03 12:00')],
    });
    const fromMs = checkVisit({
      ...input,
      start: Date.parse(String(input.start)),
      end: Date.parse(String(input.end)),
    });
    expect(fromMs).toEqual(checkVisit(input));
    expect(fromMs.release.map((r) => r.rule)).toEqual(['on_duty']);
  });

  it('reports summer times with the BST offset', () => {
    const report = checkVisit(
      visitInput('2026-07-07 09:00', '2026-07-07 13:00', {
        visitorShifts: [shift('duty', '2026-07-07 08:00', '2026-07-07 20:00')],
      }),
    );
    expect(report.release[0]).toMatchObject({
      start: '2026-07-07T09:00:00+01:00',
      end: '2026-07-07T13:00:00+01:00',
      shift_start: '2026-07-07T08:00:00+01:00',
      shift_end: '2026-07-07T20:00:00+01:00',
    });
  });

  it('does not block a visit in rostered time: the manager decides', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('duty', '2026-03-03 08:00', '2026-03-03 20:00')],
        offer: offer([['tue', 'am']]),
      }),
    );
    expect(report).toMatchObject({ ok: true, clashes: [], warnings: [] });
    expect(report.release).toHaveLength(1);
  });

  it('lists visitor clashes before host clashes', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 23:00')],
        offer: offer([['wed', 'am']]),
      }),
    );
    expect(report.clashes.map((c) => [c.who, c.rule])).toEqual([
      ['visitor', 'rest_between_shifts'],
      ['host', 'host_not_offered'],
    ]);
  });

  it.each([
    ['an end before the start', '2026-03-03T13:00:00Z', '2026-03-03T09:00:00Z', /end after it starts/],
    ['an empty visit', '2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z', /end after it starts/],
    ['30 February', '2026-02-30T09:00:00Z', '2026-02-30T13:00:00Z', /Visit start/],
    ['a time without an offset', '2026-03-03T09:00:00', '2026-03-03T13:00:00Z', /Visit start/],
  ])('refuses %s', (_name, start, end, message) => {
    expect(() => checkVisit({ start, end, visitorShifts: [] })).toThrow(message);
  });

  it('refuses a rota entry that ends before it starts, naming it', () => {
    const bad = { ...shift('duty', '2026-03-03 08:00', '2026-03-03 20:00'), end: '2026-03-03T07:00:00Z' };
    expect(() =>
      checkVisit(visitInput('2026-03-03 09:00', '2026-03-03 13:00', { visitorShifts: [bad] })),
    ).toThrow(/visitor shift 1 must end after it starts/);
  });
});

describe('checkVisit on any rota (property tests)', () => {
  const scenario = fc.constantFrom(...PERIOD_STARTS).chain((base) =>
    fc.record({
      visit: visitFrom(base),
      visitorShifts: shiftsFrom(base),
      visitorRules,
      hostShifts: shiftsFrom(base),
      heldBookings: heldFrom(base),
      offer: offerTerms,
    }),
  );

  it('gives well-formed clashes in plain words, never shift codes or broken values', () => {
    fc.assert(
      fc.property(scenario, ({ visit, ...rest }) => {
        const report = checkVisit({ ...rest, start: visit.start, end: visit.end });
        expect(report.ok).toBe(report.clashes.length === 0);
        for (const clash of [...report.clashes, ...report.warnings]) {
          expect(clash.explanation).not.toMatch(BROKEN_TEXT);
          expect(clash.explanation).not.toContain('CODE-NOT-SHOWN');
          expect(clash.start).toMatch(LONDON_ISO);
          expect(clash.end).toMatch(LONDON_ISO);
          expect(Date.parse(clash.start)).toBeLessThan(Date.parse(clash.end));
        }
        for (const clash of report.clashes) {
          const rules: readonly string[] = clash.who === 'visitor' ? VISITOR_RULES : HOST_RULES;
          expect(rules).toContain(clash.rule);
        }
        report.warnings.forEach((w) => expect(w.rule).toBe('leave'));
        report.release.forEach((r) => {
          expect(RELEASE_RULES).toContain(r.rule);
          expect(r.explanation).not.toMatch(BROKEN_TEXT);
          expect(r.explanation).not.toContain('CODE-NOT-SHOWN');
          [r.start, r.end, r.shift_start, r.shift_end].forEach((t) => expect(t).toMatch(LONDON_ISO));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds a release entry exactly for each rostered entry that overlaps the visit (half-open)', () => {
    fc.assert(
      fc.property(scenario, ({ visit, visitorShifts }) => {
        const report = checkVisit({ start: visit.start, end: visit.end, visitorShifts });
        const [vs, ve] = [Date.parse(visit.start), Date.parse(visit.end)];
        const overlapping = visitorShifts.filter((s) => Date.parse(s.start) < ve && vs < Date.parse(s.end));
        const count = (rule: string) => report.release.filter((c) => c.rule === rule).length;
        const kinds = (...k: string[]) => overlapping.filter((s) => k.includes(s.kind)).length;
        expect(count('on_duty')).toBe(kinds('duty', 'long_day', 'night'));
        expect(count('on_call')).toBe(kinds('on_call'));
        expect(count('training')).toBe(kinds('training'));
        expect(count('study_leave')).toBe(kinds('study_leave'));
        expect(report.warnings.length).toBe(kinds('annual_leave'));
      }),
      { numRuns: 300 },
    );
  });

  it('puts every release entry inside a rostered shift, with cover_hours the overlap in real hours', () => {
    fc.assert(
      fc.property(scenario, ({ visit, visitorShifts }) => {
        const report = checkVisit({ start: visit.start, end: visit.end, visitorShifts });
        for (const entry of report.release) {
          const [start, end] = [Date.parse(entry.start), Date.parse(entry.end)];
          const holding = visitorShifts.filter(
            (s) =>
              Date.parse(s.start) === Date.parse(entry.shift_start) &&
              Date.parse(s.end) === Date.parse(entry.shift_end),
          );
          expect(holding.length).toBeGreaterThan(0);
          expect(Date.parse(entry.shift_start)).toBeLessThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(Date.parse(entry.shift_end));
          expect(start).toBe(Math.max(Date.parse(visit.start), Date.parse(entry.shift_start)));
          expect(end).toBe(Math.min(Date.parse(visit.end), Date.parse(entry.shift_end)));
          expect(entry.cover_hours).toBe(Math.round(((end - start) / 3_600_000) * 100) / 100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds no working-time clash for a visit inside a shift of work: it adds no working time', () => {
    const workKinds = new Set(['duty', 'long_day', 'night', 'training']);
    fc.assert(
      fc.property(scenario, fc.nat(), ({ visitorShifts, visitorRules: rules }, pick) => {
        const work = visitorShifts.filter((s) => workKinds.has(s.kind));
        const holding: Shift | undefined = work[pick % Math.max(1, work.length)];
        if (!holding) return;
        const report: ClashReport = checkVisit({
          start: holding.start,
          end: holding.end,
          visitorShifts,
          visitorRules: rules,
        });
        expect(report.clashes.filter((c) => c.rule !== 'away')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
