import fc from 'fast-check';
import { checkVisit, HOST_RULES, VISITOR_RULES } from '../../../../src/domain/clash';
import { BROKEN_TEXT, offer, shift, visitInput } from './clashFixtures';
import { heldFrom, offerTerms, PERIOD_STARTS, shiftsFrom, visitFrom } from './clashArbitraries';

const LONDON_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+0[01]:00$/;

describe('checkVisit report', () => {
  it('is ok with no clashes and no warnings for a free visitor and an open offer', () => {
    expect(
      checkVisit(visitInput('2026-03-03 09:00', '2026-03-03 13:00', { offer: offer([['tue', 'am']]) })),
    ).toEqual({
      ok: true,
      clashes: [],
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
    expect(fromMs.ok).toBe(false);
  });

  it('reports summer clash times with the BST offset', () => {
    const report = checkVisit(
      visitInput('2026-07-07 09:00', '2026-07-07 13:00', {
        visitorShifts: [shift('duty', '2026-07-07 08:00', '2026-07-07 20:00')],
      }),
    );
    expect(report.clashes[0]).toMatchObject({
      start: '2026-07-07T08:00:00+01:00',
      end: '2026-07-07T20:00:00+01:00',
    });
  });

  it('lists visitor clashes before host clashes', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('duty', '2026-03-03 08:00', '2026-03-03 20:00')],
        offer: offer([['wed', 'am']]),
      }),
    );
    expect(report.clashes.map((c) => [c.who, c.rule])).toEqual([
      ['visitor', 'on_duty'],
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
          const rules: readonly string[] = clash.who === 'visitor' ? VISITOR_RULES : HOST_RULES;
          expect(rules).toContain(clash.rule);
        }
        report.warnings.forEach((w) => expect(w.rule).toBe('leave'));
      }),
      { numRuns: 300 },
    );
  });

  it('finds an overlapping shift exactly when one overlaps the visit (half-open)', () => {
    fc.assert(
      fc.property(scenario, ({ visit, visitorShifts }) => {
        const report = checkVisit({
          start: visit.start,
          end: visit.end,
          visitorShifts,
          rules: { maxHoursIn7Days: null },
        });
        const [vs, ve] = [Date.parse(visit.start), Date.parse(visit.end)];
        const overlapping = visitorShifts.filter((s) => Date.parse(s.start) < ve && vs < Date.parse(s.end));
        const work = ['duty', 'long_day', 'night', 'training'];
        const count = (rule: string) => report.clashes.filter((c) => c.rule === rule).length;
        expect(count('on_duty')).toBe(overlapping.filter((s) => work.includes(s.kind)).length);
        expect(count('on_call')).toBe(overlapping.filter((s) => s.kind === 'on_call').length);
        expect(report.warnings.length).toBe(overlapping.filter((s) => s.kind.endsWith('_leave')).length);
      }),
      { numRuns: 300 },
    );
  });
});
