import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIcs } from '../../../../src/domain/import/parseIcs';
import { knownEmailCheck } from '../../../../src/domain/import/parseRotaCsv';

const EMAIL = 'ann@trust.nhs.uk';

function calendar(...eventLines: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    ...eventLines,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

describe('parseIcs: a rostering export fixture', () => {
  const text = readFileSync(join(__dirname, 'fixtures', 'one-person-rota.ics'), 'utf8');
  const result = parseIcs(text, { email: 'Ann@Trust.nhs.uk' });

  it('reads every event except the cancelled one, without errors', () => {
    expect(result.errors).toEqual([]);
    expect(
      result.rows.map((row) => [row.line, row.shift.code, row.shift.kind, row.shift.start, row.shift.end]),
    ).toEqual([
      // TZID form across the spring change: 20:00 GMT to 08:00 BST.
      [12, 'N', 'night', '2026-03-28T20:00:00.000Z', '2026-03-29T07:00:00.000Z'],
      // UTC form; the code comes from CATEGORIES because SUMMARY is not a code.
      [23, 'E', 'duty', '2026-10-25T07:30:00.000Z', '2026-10-25T15:30:00.000Z'],
      // All-day, two London days, the second one 25 hours long.
      [30, 'AL', 'annual_leave', '2026-10-23T23:00:00.000Z', '2026-10-24T23:00:00.000Z'],
      [30, 'AL', 'annual_leave', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
      // Windows zone name, DURATION, and a property folded across lines.
      [45, 'N', 'night', '2026-07-15T19:00:00.000Z', '2026-07-16T07:00:00.000Z'],
    ]);
  });

  it('gives every shift to the person named by the caller', () => {
    expect(new Set(result.rows.map((row) => row.email))).toEqual(new Set([EMAIL]));
  });
});

describe('parseIcs: forms of time', () => {
  it.each([
    [
      'floating time is read as London time',
      ['DTSTART:20260715T070000', 'DTEND:20260715T150000'],
      '2026-07-15T06:00:00.000Z',
      '2026-07-15T14:00:00.000Z',
    ],
    [
      'an all-day event without DTEND is one day',
      ['DTSTART;VALUE=DATE:20260329'],
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ],
    [
      'a bare date is an all-day event',
      ['DTSTART:20260110', 'DTEND:20260111'],
      '2026-01-10T00:00:00.000Z',
      '2026-01-11T00:00:00.000Z',
    ],
    [
      'an ambiguous autumn time takes the first occurrence',
      ['DTSTART;TZID=Europe/London:20261025T013000', 'DURATION:PT1H'],
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ],
    [
      'another IANA zone',
      ['DTSTART;TZID=Europe/Paris:20260110T090000', 'DTEND;TZID=Europe/Paris:20260110T170000'],
      '2026-01-10T08:00:00.000Z',
      '2026-01-10T16:00:00.000Z',
    ],
  ])('%s', (_name, times, start, end) => {
    const result = parseIcs(calendar(...times, 'SUMMARY:OC'), { email: EMAIL });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.shift.start, row.shift.end])).toEqual([[start, end]]);
  });

  it('accepts LF-only line endings and a byte order mark', () => {
    const text =
      '\uFEFF' +
      calendar('DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z', 'SUMMARY:e').replace(/\r\n/g, '\n');
    expect(parseIcs(text, { email: EMAIL }).rows).toHaveLength(1);
  });
});

describe('parseIcs: bad events', () => {
  it.each([
    [
      'an unknown code',
      ['DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z', 'SUMMARY:Quiz night'],
      'code "Quiz night" is not in the code mapping',
    ],
    ['no code at all', ['DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z'], 'no SUMMARY or CATEGORIES'],
    [
      'Feb 30',
      ['DTSTART:20260230T090000Z', 'DTEND:20260301T170000Z', 'SUMMARY:E'],
      'DTSTART "20260230T090000Z" is not a real date and time',
    ],
    [
      '25:00',
      ['DTSTART:20260110T250000Z', 'DTEND:20260111T170000Z', 'SUMMARY:E'],
      'DTSTART "20260110T250000Z" is not a real date and time',
    ],
    [
      'a time skipped by the clocks',
      ['DTSTART;TZID=Europe/London:20260329T013000', 'DTEND;TZID=Europe/London:20260329T090000', 'SUMMARY:E'],
      'DTSTART 01:30 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00 that night.',
    ],
    [
      'an end before the start',
      ['DTSTART:20260110T170000Z', 'DTEND:20260110T090000Z', 'SUMMARY:E'],
      'ends at or before it starts',
    ],
    ['no end', ['DTSTART:20260110T170000Z', 'SUMMARY:E'], 'no DTEND or DURATION'],
    [
      'a bad duration',
      ['DTSTART:20260110T170000Z', 'DURATION:8 hours', 'SUMMARY:E'],
      'DURATION "8 hours" is not a duration',
    ],
    [
      'an unknown zone',
      ['DTSTART;TZID=Mars/Olympus:20260110T090000', 'DTEND:20260110T170000Z', 'SUMMARY:E'],
      'time zone "Mars/Olympus", which is not known',
    ],
    [
      'a repeating event',
      ['DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z', 'RRULE:FREQ=WEEKLY', 'SUMMARY:E'],
      'repeating events (RRULE) are not supported',
    ],
    [
      'a date start with a timed end',
      ['DTSTART;VALUE=DATE:20260110', 'DTEND:20260110T170000Z', 'SUMMARY:AL'],
      'DTSTART is a date but DTEND has a time',
    ],
    [
      'an all-day end on the start day',
      ['DTSTART;VALUE=DATE:20260110', 'DTEND;VALUE=DATE:20260110', 'SUMMARY:AL'],
      'ends on or before its first day',
    ],
    [
      'a right-to-left override in the code',
      ['DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z', 'SUMMARY:\u202EE\u202C😀'],
      'code "E😀"',
    ],
  ])('%s', (_name, eventLines, reason) => {
    const result = parseIcs(calendar(...eventLines), { email: EMAIL });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining(reason) }]);
  });

  it('rejects text that is not a calendar', () => {
    expect(parseIcs('staff_email,date\n', { email: EMAIL }).errors).toEqual([
      { line: 1, reason: expect.stringContaining('not an iCalendar file') },
    ]);
  });

  it('rejects a person who is not in the directory', () => {
    const result = parseIcs(calendar('DTSTART:20260110T090000Z', 'DTEND:20260110T170000Z', 'SUMMARY:E'), {
      email: 'zed@trust.nhs.uk',
      isKnownEmail: knownEmailCheck([EMAIL]),
    });
    expect(result).toEqual({
      rows: [],
      errors: [{ line: 1, reason: 'no one with email "zed@trust.nhs.uk" is in the staff directory' }],
    });
  });

  it('reports an event that is never closed', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20260110T090000Z', 'SUMMARY:E'].join('\r\n');
    expect(parseIcs(text, { email: EMAIL }).errors).toEqual([
      { line: 2, reason: expect.stringContaining('never closed') },
    ]);
  });

  it('reports a line that is not a property and still reads the good events', () => {
    const text = calendar(
      'DTSTART:20260110T090000Z',
      'DTEND:20260110T170000Z',
      'SUMMARY:E',
      'this is not a property',
    );
    const result = parseIcs(text, { email: EMAIL });
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([
      { line: 7, reason: expect.stringContaining('not an iCalendar property') },
    ]);
  });
});
