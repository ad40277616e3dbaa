import { describeSessions } from '../../../../src/domain/clash/rules/describeSessions';
import { readSessions } from '../../../../src/domain/offerDialog/readSessions';
import type { OfferedSession } from '../../../../src/domain/offers';
import { readSessionList } from '../../../../src/domain/sessions/readSessionList';
import { occurrenceHolding, occurrencesOn } from '../../../../src/domain/sessions/sessionOccurrences';
import { partOfDay } from '../../../../src/domain/sessions/sessionTimes';
import { toLondonInstant, toLondonIso } from '../../../../src/domain/time/londonTime';

describe('session lists, as the offer import and the offer conversation read them', () => {
  it.each<[string, OfferedSession[]]>([
    ['tue am', [{ weekday: 'tue', part: 'am' }]],
    [
      'Tuesday AM; thu full_day',
      [
        { weekday: 'tue', part: 'am' },
        { weekday: 'thu', part: 'full_day' },
      ],
    ],
    ['wed 07:45-12:00', [{ weekday: 'wed', part: 'am', start: '07:45', end: '12:00' }]],
    ['fri 12:00-16:30', [{ weekday: 'fri', part: 'full_day', start: '12:00', end: '16:30' }]],
    ['mon 7:30-11:00', [{ weekday: 'mon', part: 'am', start: '07:30', end: '11:00' }]],
    ['2027-01-14 10:00-13:00', [{ date: '2027-01-14', start: '10:00', end: '13:00' }]],
    ['2027-01-14 pm', [{ date: '2027-01-14', start: '13:00', end: '17:00' }]],
    [
      'tue am; tue am;  ; mon pm',
      [
        { weekday: 'mon', part: 'pm' },
        { weekday: 'tue', part: 'am' },
      ],
    ],
  ])('"%s"', (text, sessions) => {
    expect(readSessionList(text)).toEqual({ ok: true, sessions });
  });

  it.each([
    ['', /no sessions are given/],
    ['tue', /needs am, pm, full_day or times/],
    ['someday am', /does not start with a day or a date/],
    ['2027-02-30 10:00-13:00', /"2027-02-30" is not a real date/],
    ['wed 12:00-07:45', /ends before it starts/],
    ['wed 25:00-26:00', /needs am, pm, full_day or times/],
    ['wed evening', /needs am, pm, full_day or times/],
  ])('refuses "%s", saying why', (text, problem) => {
    const read = readSessionList(text);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toMatch(problem);
  });

  it('reads own times and dates in the offer conversation too', () => {
    expect(readSessions('Wednesday 07:45-12:00 and 2027-01-14 10:00-13:00')).toEqual({
      sessions: [
        { weekday: 'wed', part: 'am', start: '07:45', end: '12:00' },
        { date: '2027-01-14', start: '10:00', end: '13:00' },
      ],
    });
    expect(readSessions('Tuesday and Thursday mornings')).toEqual({
      sessions: [
        { weekday: 'tue', part: 'am' },
        { weekday: 'thu', part: 'am' },
      ],
    });
  });
});

describe('session occurrences', () => {
  const sessions: OfferedSession[] = [
    { weekday: 'wed', part: 'am', start: '07:45', end: '12:00' },
    { weekday: 'wed', part: 'pm' },
    { date: '2026-03-29', start: '10:00', end: '13:00' },
  ];

  it('are the sessions held on a date, in time order, as instants', () => {
    expect(
      occurrencesOn(sessions, '2026-03-04').map((o) => [toLondonIso(o.start), toLondonIso(o.end), o.part]),
    ).toEqual([
      ['2026-03-04T07:45:00+00:00', '2026-03-04T12:00:00+00:00', 'am'],
      ['2026-03-04T13:00:00+00:00', '2026-03-04T17:00:00+00:00', 'pm'],
    ]);
    expect(occurrencesOn(sessions, '2026-03-05')).toEqual([]);
  });

  it('keep London wall-clock times on the day the clocks go forward', () => {
    expect(occurrencesOn(sessions, '2026-03-29').map((o) => toLondonIso(o.start))).toEqual([
      '2026-03-29T10:00:00+01:00',
    ]);
  });

  it('hold a visit that lies wholly within one of them', () => {
    const at = (time: string) => toLondonInstant('2026-03-04', time);
    expect(occurrenceHolding(sessions, { start: at('08:00'), end: at('11:00') })?.part).toBe('am');
    expect(occurrenceHolding(sessions, { start: at('11:00'), end: at('14:00') })).toBeUndefined();
  });

  it('say which part of the day times are', () => {
    expect(partOfDay({ start: '07:45', end: '12:00' })).toBe('am');
    expect(partOfDay({ start: '13:00', end: '18:00' })).toBe('pm');
    expect(partOfDay({ start: '10:00', end: '15:00' })).toBe('full_day');
  });

  it('are described in plain words', () => {
    expect(describeSessions(sessions)).toBe(
      'Wednesdays 07:45-12:00, Wednesday afternoons (13:00-17:00) and Sun 29 Mar, 10:00-13:00',
    );
  });
});
