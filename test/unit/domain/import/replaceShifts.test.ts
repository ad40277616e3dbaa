import {
  mergeIntoRotaMonths,
  mergeMonth,
  type IncomingShift,
} from '../../../../src/domain/import/mergeShifts';
import { fileReplaceScopes, shiftsReplaceScope } from '../../../../src/domain/import/replaceScopes';
import type { RotaMonth, Shift, ShiftSource } from '../../../../src/domain/rota';

const TEAM = 'team-ward-7';
const OTHER_TEAM = 'team-theatres';

function shift(start: string, end: string, code: string, source?: ShiftSource): Shift {
  return {
    start,
    end,
    kind: 'duty',
    code,
    ...(source ? { source } : {}),
    ...(source === 'shifts' ? { shiftsTeam: TEAM } : {}),
  };
}
const fromFile = (start: string, end: string, code = 'E') => shift(start, end, code, 'file');
const fromShifts = (start: string, end: string, code = 'Early') => shift(start, end, code, 'shifts');
const incoming = (personId: string, ...shifts: Shift[]): IncomingShift[] =>
  shifts.map((s) => ({ personId, shift: s }));
const month = (personId: string, key: string, ...shifts: Shift[]): RotaMonth => ({
  personId,
  month: key,
  shifts,
});

describe('a rota file imported with --replace', () => {
  const tuesday = fromFile('2026-03-10T08:00:00.000Z', '2026-03-10T16:00:00.000Z');
  const wednesday = fromFile('2026-03-11T08:00:00.000Z', '2026-03-11T16:00:00.000Z');
  const friday = fromFile('2026-03-13T08:00:00.000Z', '2026-03-13T16:00:00.000Z');

  it('leaves only the new time of a moved shift', () => {
    const file = incoming('ann', tuesday, friday);
    const held = [month('ann', '2026-03', tuesday, wednesday)];

    const result = mergeIntoRotaMonths(held, file, fileReplaceScopes(file));

    expect(result).toMatchObject({ added: 1, duplicates: 1, removed: 1 });
    expect(result.months[0]?.shifts).toEqual([tuesday, friday]);
    expect(result.changed).toHaveLength(1);
  });

  it('adds only, as before, without a scope', () => {
    const file = incoming('ann', tuesday, friday);
    const result = mergeIntoRotaMonths([month('ann', '2026-03', tuesday, wednesday)], file);

    expect(result).toMatchObject({ added: 1, removed: 0 });
    expect(result.months[0]?.shifts).toEqual([tuesday, wednesday, friday]);
  });

  it('keeps shifts from Microsoft Shifts and the demo, and shifts outside the days the file covers for the person', () => {
    const fromTeam = fromShifts('2026-03-11T18:00:00.000Z', '2026-03-11T22:00:00.000Z');
    const demo = shift('2026-03-12T08:00:00.000Z', '2026-03-12T16:00:00.000Z', 'E', 'demo');
    // The file covers Ann from Tue 10 to Fri 13 March: the Monday before and the Saturday after stay.
    const monday = fromFile('2026-03-09T08:00:00.000Z', '2026-03-09T16:00:00.000Z');
    const saturday = fromFile('2026-03-14T00:30:00.000Z', '2026-03-14T08:00:00.000Z');
    const file = incoming('ann', tuesday, friday);

    const result = mergeIntoRotaMonths(
      [month('ann', '2026-03', monday, wednesday, fromTeam, demo, saturday)],
      file,
      fileReplaceScopes(file),
    );

    expect(result.removed).toBe(1);
    expect(result.months[0]?.shifts).toEqual([monday, tuesday, fromTeam, demo, friday, saturday]);
  });

  it('covers whole London days, a night that starts on the last day included', () => {
    // Ann's last row is a night starting 20:00 BST on Tue 30 June; a late shift that evening was moved.
    const night = fromFile('2026-06-30T19:00:00.000Z', '2026-07-01T07:00:00.000Z', 'N');
    const late = fromFile('2026-06-30T22:30:00.000Z', '2026-07-01T06:00:00.000Z', 'L');
    // 00:30 BST on Wed 1 July is 23:30 UTC on 30 June: a day the file does not cover.
    const afterMidnight = fromFile('2026-06-30T23:30:00.000Z', '2026-07-01T07:30:00.000Z', 'E');
    const file = incoming('ann', fromFile('2026-06-29T08:00:00.000Z', '2026-06-29T16:00:00.000Z'), night);
    const scopes = fileReplaceScopes(file);

    expect(scopes.map((scope) => scope.months)).toEqual([['2026-06']]);
    const result = mergeIntoRotaMonths(
      [month('ann', '2026-06', late), month('ann', '2026-07', afterMidnight)],
      file,
      scopes,
    );
    expect(result.removed).toBe(1);
    expect(result.months.find((m) => m.month === '2026-07')?.shifts).toEqual([afterMidnight]);
  });

  it('replaces shifts whose source was not recorded, and records the file as the source of those it lists', () => {
    const { source: _file, ...unrecorded } = tuesday;
    const { source: _also, ...unrecordedWednesday } = wednesday;
    const file = incoming('ann', tuesday);

    const merged = mergeMonth(
      month('ann', '2026-03', unrecorded, unrecordedWednesday),
      [tuesday],
      fileReplaceScopes(file)[0]!.covers,
    );

    expect(merged).toMatchObject({ added: 0, duplicates: 1, removed: 0, changed: true });
    expect(merged.month.shifts).toEqual([tuesday, unrecordedWednesday]);
    // Wednesday is outside the days this file covers for Ann (Tuesday only), so it stays.
  });

  it('still adds nothing for a duplicate, and changes nothing when the file is the same', () => {
    const file = incoming('ann', tuesday, wednesday, wednesday);
    const first = mergeIntoRotaMonths([], file, fileReplaceScopes(file));
    const second = mergeIntoRotaMonths(first.months, file, fileReplaceScopes(file));

    expect(first).toMatchObject({ added: 2, duplicates: 1, removed: 0 });
    expect(second).toMatchObject({ added: 0, duplicates: 3, removed: 0, changed: [] });
    expect(second.months).toEqual(first.months);
  });

  it('empties a month the file covers with no shifts in it, naming it as changed so it can be deleted', () => {
    // Ann's rows are on Fri 27 February and Thu 2 April: all of March is covered, and she has none.
    const file = incoming(
      'ann',
      fromFile('2026-02-27T08:00:00.000Z', '2026-02-27T16:00:00.000Z'),
      fromFile('2026-04-02T07:00:00.000Z', '2026-04-02T15:00:00.000Z'),
    );
    const scopes = fileReplaceScopes(file);

    const result = mergeIntoRotaMonths([month('ann', '2026-03', tuesday, wednesday)], file, scopes);

    expect(scopes[0]?.months).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(result).toMatchObject({ added: 2, removed: 2 });
    expect(result.changed.map((m) => [m.month, m.shifts.length])).toEqual([
      ['2026-02', 1],
      ['2026-03', 0],
      ['2026-04', 1],
    ]);
  });

  it('keeps people apart: a file listing Ann leaves Ben alone', () => {
    const file = incoming('ann', tuesday);
    const result = mergeIntoRotaMonths([month('ben', '2026-03', wednesday)], file, fileReplaceScopes(file));
    expect(result.removed).toBe(0);
    expect(result.months.find((m) => m.personId === 'ben')?.shifts).toEqual([wednesday]);
  });
});

describe('a Microsoft Shifts sync', () => {
  const from = new Date('2026-03-02T00:00:00.000Z');
  const to = new Date('2026-03-30T00:00:00.000Z');
  const scope = (personId: string) => shiftsReplaceScope(personId, new Set([TEAM]), from, to);
  const early = fromShifts('2026-03-10T07:00:00.000Z', '2026-03-10T15:00:00.000Z');
  const movedEarly = fromShifts('2026-03-12T07:00:00.000Z', '2026-03-12T15:00:00.000Z');

  it('leaves only the new time of a shift moved in Shifts', () => {
    const result = mergeIntoRotaMonths([month('ann', '2026-03', early)], incoming('ann', movedEarly), [
      scope('ann'),
    ]);

    expect(result).toMatchObject({ added: 1, removed: 1 });
    expect(result.months[0]?.shifts).toEqual([movedEarly]);
  });

  it('never removes a shift from a file, the demo, another team, or one of unknown source', () => {
    const file = fromFile('2026-03-11T08:00:00.000Z', '2026-03-11T16:00:00.000Z');
    const demo = shift('2026-03-13T08:00:00.000Z', '2026-03-13T16:00:00.000Z', 'E', 'demo');
    const otherTeam = {
      ...fromShifts('2026-03-14T08:00:00.000Z', '2026-03-14T16:00:00.000Z'),
      shiftsTeam: OTHER_TEAM,
    };
    const unknown = shift('2026-03-15T08:00:00.000Z', '2026-03-15T16:00:00.000Z', 'E');
    const held = [month('ann', '2026-03', file, demo, otherTeam, unknown, early)];

    const result = mergeIntoRotaMonths(held, [], [scope('ann')]);

    expect(result.removed).toBe(1);
    expect(result.months[0]?.shifts).toEqual([file, demo, otherTeam, unknown]);
  });

  it('keeps what lies outside the window it read: starting before it, or ending after it', () => {
    const before = fromShifts('2026-03-01T20:00:00.000Z', '2026-03-02T08:00:00.000Z');
    const across = fromShifts('2026-03-29T20:00:00.000Z', '2026-03-30T07:00:00.000Z');

    const result = mergeIntoRotaMonths([month('ann', '2026-03', before, early, across)], [], [scope('ann')]);

    expect(result.months[0]?.shifts).toEqual([before, across]);
  });

  it('empties the month of someone Shifts no longer lists', () => {
    const result = mergeIntoRotaMonths([month('ann', '2026-03', early)], [], [scope('ann')]);
    expect(result.changed).toEqual([month('ann', '2026-03')]);
  });

  it('records Shifts as the source of a shift of unknown source it lists, without counting it as added', () => {
    const { source: _s, shiftsTeam: _t, ...unknown } = early;
    const merged = mergeMonth(month('ann', '2026-03', unknown), [early], scope('ann').covers);
    expect(merged).toMatchObject({ added: 0, duplicates: 1, removed: 0, changed: true });
    expect(merged.month.shifts).toEqual([early]);
  });
});
