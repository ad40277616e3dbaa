import { checkVisit, type CheckVisitInput } from '../../../../src/domain/clash';
import { BROKEN_TEXT, booking, visitInput } from './clashFixtures';

const tuesdayAm: [string, string] = ['2026-03-03 09:00', '2026-03-03 13:00'];

function visitorClashes(from: string, to: string, input: Partial<CheckVisitInput>) {
  const report = checkVisit(visitInput(from, to, input));
  report.clashes.forEach((c) => expect(c.explanation).not.toMatch(BROKEN_TEXT));
  return report.clashes.filter((c) => c.rule === 'visitor_already_booked');
}

describe('visitor_already_booked', () => {
  it.each([
    ['the same morning with another host', booking('other', ...tuesdayAm), 1],
    [
      'an afternoon visit that starts before this one ends',
      booking('other', '2026-03-03 12:00', '2026-03-03 17:00'),
      1,
    ],
    [
      'a visit ending as this one starts (half-open)',
      booking('other', '2026-03-03 05:00', '2026-03-03 09:00'),
      0,
    ],
    ['a visit starting as this one ends', booking('other', '2026-03-03 13:00', '2026-03-03 17:00'), 0],
    ['the request being checked itself', booking('this-request', ...tuesdayAm), 0],
  ])('%s', (_label, other, count) => {
    const found = visitorClashes(...tuesdayAm, { visitorBookings: [other], requestId: 'this-request' });
    expect(found).toHaveLength(count);
  });

  it('says which visit is in the way, in London time, and blocks the visit', () => {
    const report = checkVisit(
      visitInput(...tuesdayAm, {
        visitorBookings: [booking('other', '2026-03-03 10:00', '2026-03-03 12:00')],
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.clashes).toEqual([
      expect.objectContaining({
        rule: 'visitor_already_booked',
        who: 'visitor',
        explanation:
          'You already have a shadowing visit asked for or booked at Tue 3 Mar, 10:00-12:00, and cannot be at two at once.',
      }),
    ]);
  });
});
