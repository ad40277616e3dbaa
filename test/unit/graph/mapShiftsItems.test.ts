import { mapShift, mapTimeOff } from '../../../src/graph/mapShiftsItems';

const PERSON = 'ab000000-0000-4000-8000-000000000002';
const at = (displayName: string | null, start: string, end: string) => ({
  userId: PERSON,
  sharedShift: { displayName, startDateTime: start, endDateTime: end },
});

describe('mapShift', () => {
  it.each([
    ['Early', '2026-06-01T06:00:00Z', '2026-06-01T14:30:00Z', 'duty'],
    ['Twilight', '2026-06-01T15:00:00Z', '2026-06-01T23:00:00Z', 'duty'],
    ['Ward cover', '2026-06-01T19:00:00Z', '2026-06-02T07:30:00Z', 'night'],
    ['Ward cover', '2026-06-01T06:30:00Z', '2026-06-01T19:00:00Z', 'long_day'],
    // A shift named as a code the Trust uses means that code, whatever the times.
    ['LD', '2026-06-01T06:30:00Z', '2026-06-01T12:00:00Z', 'long_day'],
    ['On call', '2026-06-01T17:00:00Z', '2026-06-02T09:00:00Z', 'on_call'],
    ['Night', '2026-06-01T08:00:00Z', '2026-06-01T12:00:00Z', 'night'],
    // 23:00 UTC in summer is midnight in London: still a night by its start.
    [null, '2026-06-01T23:00:00Z', '2026-06-02T07:00:00Z', 'night'],
  ])('reads "%s" from %s to %s as %s', (name, start, end, kind) => {
    expect(mapShift(at(name, start, end))?.shift.kind).toBe(kind);
  });

  it('keeps the name as the code, or "Shift" when there is none', () => {
    expect(
      mapShift(at('  Early   (ward 7) ', '2026-06-01T06:00:00Z', '2026-06-01T14:00:00Z'))?.shift.code,
    ).toBe('Early (ward 7)');
    expect(mapShift(at('', '2026-06-01T06:00:00Z', '2026-06-01T14:00:00Z'))?.shift.code).toBe('Shift');
  });

  it('leaves out drafts, unassigned shifts and impossible times', () => {
    expect(mapShift({ userId: PERSON, sharedShift: null })).toBeUndefined();
    expect(
      mapShift({ ...at('Early', '2026-06-01T06:00:00Z', '2026-06-01T14:00:00Z'), userId: null }),
    ).toBeUndefined();
    expect(mapShift(at('Early', '2026-06-01T14:00:00Z', '2026-06-01T06:00:00Z'))).toBeUndefined();
    expect(mapShift(at('Early', 'soon', '2026-06-01T06:00:00Z'))).toBeUndefined();
  });
});

describe('mapTimeOff', () => {
  const reasons = new Map([
    ['r1', 'Study leave'],
    ['r2', 'CPD course'],
    ['r3', 'Annual leave'],
    ['r4', 'Sickness'],
  ]);
  const off = (reason: string) =>
    mapTimeOff(
      {
        userId: PERSON,
        sharedTimeOff: {
          timeOffReasonId: reason,
          startDateTime: '2026-06-01T00:00:00Z',
          endDateTime: '2026-06-02T00:00:00Z',
        },
      },
      reasons,
    );

  it('keeps the kind of leave only: study, annual, or an absence for sickness and anything else', () => {
    expect(
      [off('r1'), off('r2'), off('r3'), off('r4'), off('unknown')].map((e) => [e?.shift.kind, e?.shift.code]),
    ).toEqual([
      ['study_leave', 'Study leave'],
      ['study_leave', 'Study leave'],
      ['annual_leave', 'Annual leave'],
      ['absence', 'Time off'],
      ['absence', 'Time off'],
    ]);
  });

  it.each([
    'Sickness',
    'Sick leave (stress)',
    'Unwell - covid',
    'Hospital appointment',
    'Parental leave',
    'Compassionate leave',
    'Personal',
  ])('never stores the reason "%s": an absence, coded "Time off"', (reason) => {
    const entry = mapTimeOff(
      {
        userId: PERSON,
        sharedTimeOff: {
          timeOffReasonId: 'x',
          startDateTime: '2026-06-01T00:00:00Z',
          endDateTime: '2026-06-02T00:00:00Z',
        },
      },
      new Map([['x', reason]]),
    );
    expect(entry?.shift).toEqual({
      start: '2026-06-01T00:00:00.000Z',
      end: '2026-06-02T00:00:00.000Z',
      kind: 'absence',
      code: 'Time off',
    });
    expect(JSON.stringify(entry)).not.toContain(reason);
  });

  it.each(['Holiday', 'Annual leave', 'A/L', 'Vacation'])('reads "%s" as annual leave', (reason) => {
    expect(
      mapTimeOff(
        {
          userId: PERSON,
          sharedTimeOff: {
            timeOffReasonId: 'x',
            startDateTime: '2026-06-01T00:00:00Z',
            endDateTime: '2026-06-02T00:00:00Z',
          },
        },
        new Map([['x', reason]]),
      )?.shift,
    ).toEqual(expect.objectContaining({ kind: 'annual_leave', code: 'Annual leave' }));
  });
});
