import type { RotaMonth } from '../../../src/domain/rota';
import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import { fixture, openTestStore, runAgainst, type TestStore } from './cliHarness';

const ANN = personIdForEmail('ann.nurse@trust.nhs.uk');
const OMAR = personIdForEmail('omar.ot@trust.nhs.uk');

async function readMonths(store: TestStore): Promise<Map<string, RotaMonth>> {
  const docs = await store.query<RotaMonth & { id: string } & Record<string, unknown>>('rota');
  return new Map(docs.map((doc) => [doc.id, doc]));
}

async function countShifts(store: TestStore): Promise<number> {
  return [...(await readMonths(store)).values()].reduce((sum, month) => sum + month.shifts.length, 0);
}

describe('rota import', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openTestStore();
    const directory = await runAgainst(store, 'directory', 'import', fixture('staff.csv'));
    expect(directory.code).toBe(0);
  });
  afterEach(async () => store.dispose());

  it('files each shift into its London month as UTC instants, across both clock changes', async () => {
    const run = await runAgainst(store, 'rota', 'import', fixture('rota.csv'));

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe('Imported 7 shifts for 3 staff into 5 rota months; 0 duplicates skipped.\n');
    const months = await readMonths(store);
    expect([...months.keys()].sort()).toEqual(
      [
        `${ANN}:2026-03`,
        `${OMAR}:2026-03`,
        `${OMAR}:2026-10`,
        ...['2026-03', '2026-04'].map((m) => `${personIdForEmail('raj.reg@trust.nhs.uk')}:${m}`),
      ].sort(),
    );
    expect(months.get(`${ANN}:2026-03`)?.shifts).toEqual([
      {
        start: '2026-03-10T20:00:00.000Z',
        end: '2026-03-11T08:00:00.000Z',
        kind: 'night',
        code: 'N',
        source: 'file',
      },
      {
        start: '2026-03-16T13:00:00.000Z',
        end: '2026-03-16T21:00:00.000Z',
        kind: 'duty',
        code: 'L',
        source: 'file',
      },
      // 20:00 GMT to 08:00 BST: eleven hours, the night the clocks go forward.
      {
        start: '2026-03-28T20:00:00.000Z',
        end: '2026-03-29T07:00:00.000Z',
        kind: 'night',
        code: 'N',
        source: 'file',
      },
    ]);
    // 20:00 BST to 08:00 GMT: thirteen hours, the night the clocks go back.
    expect(months.get(`${OMAR}:2026-10`)?.shifts).toEqual([
      {
        start: '2026-10-24T19:00:00.000Z',
        end: '2026-10-25T08:00:00.000Z',
        kind: 'night',
        code: 'N',
        source: 'file',
      },
    ]);
    expect(months.get(`${OMAR}:2026-03`)?.shifts).toEqual([
      {
        start: '2026-03-20T00:00:00.000Z',
        end: '2026-03-21T00:00:00.000Z',
        kind: 'annual_leave',
        code: 'AL',
        source: 'file',
      },
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    await runAgainst(store, 'rota', 'import', fixture('rota.csv'));
    const before = await readMonths(store);

    const again = await runAgainst(store, 'rota', 'import', fixture('rota.csv'));

    expect(again.code).toBe(0);
    expect(again.out).toBe('Imported 0 shifts for 3 staff into 0 rota months; 7 duplicates skipped.\n');
    expect(await readMonths(store)).toEqual(before);
  });

  it('writes nothing for a file with bad rows and lists every bad row with its line, exit 1', async () => {
    const run = await runAgainst(store, 'rota', 'import', fixture('rota-hostile.csv'));

    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    const lines = run.err.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'line 3: date 2026-02-30 is not a real date',
      'line 4: start time "25:00" is not a time of day (use HH:MM, 00:00 to 23:59)',
      'line 5: code "XYZ" is not in the code mapping',
      'line 6: no one with email "nobody@trust.nhs.uk" is in the staff directory',
      'line 8: start time 01:30 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00 that night. Please use a time before 01:00 or from 02:00.',
    ]);
    expect(lines[5]).toMatch(/^Nothing imported: the file has 5 bad rows/);
    expect(await store.query('rota')).toHaveLength(0);
  });

  it('with --skip-invalid imports the good rows, still lists the bad, and exits 0', async () => {
    const run = await runAgainst(store, 'rota', 'import', fixture('rota-hostile.csv'), '--skip-invalid');

    expect(run.code).toBe(0);
    expect(run.err.match(/^line \d+: /gm)).toHaveLength(5);
    expect(run.out).toBe(
      'Imported 2 shifts for 2 staff into 2 rota months; 0 duplicates skipped. 5 bad rows left out.\n',
    );
    expect(await countShifts(store)).toBe(2);
  });

  it('reads extra codes from a mapping file', async () => {
    const run = await runAgainst(
      store,
      'rota',
      'import',
      fixture('rota-hostile.csv'),
      '--codes',
      fixture('codes.json'),
    );

    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(/^line 5:/m);
    expect(run.err).toMatch(/has 4 bad rows/);
  });

  it('imports an iCalendar file for the person named with --person', async () => {
    const run = await runAgainst(
      store,
      'rota',
      'import',
      fixture('ann-rota.ics'),
      '--person',
      'Ann.Nurse@trust.nhs.uk',
    );

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(
      'Imported 2 shifts for 1 member of staff into 2 rota months; 0 duplicates skipped.\n',
    );
    const months = await readMonths(store);
    expect(months.get(`${ANN}:2026-03`)?.shifts).toEqual([
      {
        start: '2026-03-28T20:00:00.000Z',
        end: '2026-03-29T07:00:00.000Z',
        kind: 'night',
        code: 'N',
        source: 'file',
      },
    ]);
    expect(months.get(`${ANN}:2026-04`)?.shifts).toEqual([
      {
        start: '2026-04-02T06:30:00.000Z',
        end: '2026-04-02T14:30:00.000Z',
        kind: 'duty',
        code: 'E',
        source: 'file',
      },
    ]);
  });

  it('shares months with a CSV import of the same shifts without duplicating them', async () => {
    await runAgainst(store, 'rota', 'import', fixture('rota.csv'));
    const run = await runAgainst(
      store,
      'rota',
      'import',
      fixture('ann-rota.ics'),
      '--person',
      'ann.nurse@trust.nhs.uk',
    );

    expect(run.out).toBe('Imported 1 shift for 1 member of staff into 1 rota month; 1 duplicate skipped.\n');
    expect((await readMonths(store)).get(`${ANN}:2026-03`)?.shifts).toHaveLength(3);
  });

  it('refuses an iCalendar file for someone not in the directory', async () => {
    const run = await runAgainst(
      store,
      'rota',
      'import',
      fixture('ann-rota.ics'),
      '--person',
      'stranger@trust.nhs.uk',
    );

    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^line 1: no one with email "stranger@trust.nhs.uk" is in the staff directory$/m);
    expect(await store.query('rota')).toHaveLength(0);
  });

  describe('with --replace', () => {
    const RAJ = personIdForEmail('raj.reg@trust.nhs.uk');
    const starts = (months: Map<string, RotaMonth>, id: string) =>
      months.get(id)?.shifts.map((shift) => `${shift.start} ${shift.code}`);

    beforeEach(async () => {
      expect((await runAgainst(store, 'rota', 'import', fixture('rota.csv'))).code).toBe(0);
    });

    it('replaces the shifts of the staff in the file over the days it covers for each, and says what it removed', async () => {
      const run = await runAgainst(store, 'rota', 'import', fixture('rota-replace.csv'), '--replace');

      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toBe(
        'Imported 2 shifts for 2 staff into 2 rota months; 3 duplicates skipped. Removed 2 shifts no longer in the file.\n',
      );
      const months = await readMonths(store);
      // Ann's late shift moved from Mon 16 to Tue 17 March; Raj's long day from 1 to 2 April.
      expect(starts(months, `${ANN}:2026-03`)).toEqual([
        '2026-03-10T20:00:00.000Z N',
        '2026-03-17T13:00:00.000Z L',
        '2026-03-28T20:00:00.000Z N',
      ]);
      expect(starts(months, `${RAJ}:2026-04`)).toEqual(['2026-04-02T07:00:00.000Z LD']);
      // Omar is not in the file: his rota is as it was.
      expect(starts(months, `${OMAR}:2026-03`)).toEqual(['2026-03-20T00:00:00.000Z AL']);
      expect(starts(months, `${OMAR}:2026-10`)).toEqual(['2026-10-24T19:00:00.000Z N']);

      const again = await runAgainst(store, 'rota', 'import', fixture('rota-replace.csv'), '--replace');
      expect(again.out).toBe(
        'Imported 0 shifts for 2 staff into 0 rota months; 5 duplicates skipped. Removed 0 shifts no longer in the file.\n',
      );
      expect(await readMonths(store)).toEqual(months);
    });

    it('only adds without it, so a moved shift is held at both times', async () => {
      const run = await runAgainst(store, 'rota', 'import', fixture('rota-replace.csv'));

      expect(run.out).toBe('Imported 2 shifts for 2 staff into 2 rota months; 3 duplicates skipped.\n');
      expect(await countShifts(store)).toBe(9);
    });

    it('deletes a month left with no shifts', async () => {
      const run = await runAgainst(
        store,
        'rota',
        'import',
        fixture('rota-replace-leave-gone.csv'),
        '--replace',
      );

      expect(run.out).toBe(
        'Imported 1 shift for 1 member of staff into 2 rota months; 1 duplicate skipped. Removed 1 shift no longer in the file.\n',
      );
      const months = await readMonths(store);
      expect(months.has(`${RAJ}:2026-03`)).toBe(false);
      expect(starts(months, `${RAJ}:2026-02`)).toEqual(['2026-02-27T08:00:00.000Z LD']);
    });

    it('changes nothing when the file has a bad row', async () => {
      const before = await readMonths(store);

      const run = await runAgainst(store, 'rota', 'import', fixture('rota-hostile.csv'), '--replace');

      expect(run.code).toBe(1);
      expect(run.err).toMatch(/Nothing imported: the file has 5 bad rows/);
      expect(await readMonths(store)).toEqual(before);
    });

    it('refuses --skip-invalid, whose bad rows might be shifts still worked', async () => {
      const before = await readMonths(store);

      const run = await runAgainst(
        store,
        'rota',
        'import',
        fixture('rota-replace.csv'),
        '--replace',
        '--skip-invalid',
      );

      expect(run.code).toBe(2);
      expect(run.err).toContain('--replace cannot be used with --skip-invalid');
      expect(await readMonths(store)).toEqual(before);
    });
  });

  it.each([
    ['a missing file', ['rota', 'import', 'missing.csv'], /The file "missing.csv" does not exist\./],
    ['an unknown format', ['rota', 'import', fixture('codes.json')], /Cannot tell the format/],
    [
      'an iCalendar file without --person',
      ['rota', 'import', fixture('ann-rota.ics')],
      /say whose with --person/,
    ],
    [
      '--person with a CSV',
      ['rota', 'import', fixture('rota.csv'), '--person', 'a@b.uk'],
      /--person is for iCalendar files only/,
    ],
    [
      'a bad code mapping',
      ['rota', 'import', fixture('rota.csv'), '--codes', fixture('codes-bad.json')],
      /codes-bad\.json:1: XYZ: maps to "holiday", which is not a kind of shift; use one of: duty,/,
    ],
    [
      'a missing code mapping',
      ['rota', 'import', fixture('rota.csv'), '--codes', 'nope.json'],
      /The code mapping "nope.json" cannot be used:\n {2}- nope\.json: the file does not exist/,
    ],
  ])('exits 2 for %s, writing nothing', async (_label, args, message) => {
    const run = await runAgainst(store, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await store.query('rota')).toHaveLength(0);
  });
});
