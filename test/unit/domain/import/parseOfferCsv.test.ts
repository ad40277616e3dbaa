import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOfferCsv } from '../../../../src/domain/import/parseOfferCsv';

const FIXTURES = path.join(__dirname, '../../../fixtures/cli');
const known = new Set([
  'omar.ot@trust.nhs.uk',
  'raj.reg@trust.nhs.uk',
  'dana.lead@trust.nhs.uk',
  'ann.nurse@trust.nhs.uk',
]);
const read = (name: string) =>
  parseOfferCsv(readFileSync(path.join(FIXTURES, name), 'utf8'), (e) => known.has(e));

describe('parseOfferCsv', () => {
  it('reads every column: sessions and open_to as lists, an empty visitors_per_session as 1', () => {
    const { rows, errors } = read('offers.csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        hostEmail: 'omar.ot@trust.nhs.uk',
        setting: 'community',
        sessions: [
          { weekday: 'tue', part: 'am' },
          { weekday: 'thu', part: 'am', start: '08:30', end: '12:30' },
        ],
        visitorsPerSession: 1,
        capacityPerWeek: 2,
        capacityPerMonth: 6,
        openTo: [],
        line: 2,
      }),
      expect.objectContaining({
        hostEmail: 'raj.reg@trust.nhs.uk',
        setting: 'emergency_department',
        visitorsPerSession: 2,
        openTo: ['nursing', 'medical'],
        prerequisites: 'Bring your ID badge',
        line: 3,
      }),
      expect.objectContaining({
        hostEmail: 'dana.lead@trust.nhs.uk',
        sessions: [
          { date: '2027-01-14', start: '10:00', end: '13:00' },
          { date: '2027-02-11', start: '10:00', end: '13:00' },
        ],
        prerequisites: '',
        line: 4,
      }),
    ]);
  });

  it('names every bad line and every reason on it', () => {
    const { rows, errors } = read('offers-bad.csv');
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    const reasons = Object.fromEntries(errors.map((e) => [e.line, e.reason]));
    expect(reasons[3]).toMatch(/host_email "nobody@trust.nhs.uk" is not in the staff directory/);
    expect(reasons[4]).toMatch(/offer "a MORNING with occupational therapy" is already on line 2/);
    for (const problem of [
      /setting "the_moon" is not known/,
      /sessions: "sometimes" does not start with a day or a date/,
      /visitors_per_session must be from 1 to 20, not 0/,
      /per_week "x" is not a whole number/,
      /open_to "dentists" is not a staff group/,
      /meeting_point starts with "=", which a spreadsheet would run as a formula/,
    ])
      expect(reasons[5]).toMatch(problem);
    for (const problem of [
      /title is empty/,
      /description is empty/,
      /ends before it starts/,
      /per_month \(2\) is fewer than per_week \(3\)/,
      /meeting_point is empty/,
    ])
      expect(reasons[6]).toMatch(problem);
    expect(reasons[7]).toBe(
      'the line has a misplaced double quote (a value with quotes must be wrapped in quotes, with inner quotes doubled)',
    );
  });

  it('refuses a file with the wrong header on its first line', () => {
    const { rows, errors } = parseOfferCsv('host,title\nx,y\n', () => true);
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
  });
});
