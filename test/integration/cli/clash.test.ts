import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import type { HostOffer } from '../../../src/domain/offers';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, openTestStore, runAgainst, runWithSettings, type TestStore } from './cliHarness';

interface Answer {
  ok: boolean;
  clashes: Array<Record<string, string>>;
  release: Array<Record<string, string | number>>;
  warnings: Array<Record<string, string>>;
  suggestions: Array<{ start: string; end: string; time_basis: string }>;
}

const ANN = 'ann.nurse@trust.nhs.uk';
const OMAR = 'omar.ot@trust.nhs.uk';
const RAJ = 'raj.reg@trust.nhs.uk';

function rajOffer(status: HostOffer['status']): HostOffer & Record<string, unknown> {
  return {
    id: `offer-raj-${status}`,
    hostId: personIdForEmail(RAJ),
    title: 'A morning in the emergency department',
    description: 'See how patients are assessed and treated on arrival.',
    profession: 'medical',
    department: 'Emergency Department',
    setting: 'emergency_department',
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: '',
    meetingPoint: 'ED reception',
    status,
    createdAt: '2026-01-05T09:00:00Z',
    updatedAt: '2026-01-05T09:00:00Z',
  };
}

describe('clash', () => {
  let store: TestStore;

  async function clash(...args: string[]): Promise<Answer> {
    const run = await runAgainst(store, 'clash', ...args);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out.endsWith('\n')).toBe(true);
    expect(run.out.trim().split('\n')).toHaveLength(1);
    return JSON.parse(run.out) as Answer;
  }

  beforeEach(async () => {
    store = await openTestStore();
    expect((await runAgainst(store, 'directory', 'import', fixture('staff.csv'))).code).toBe(0);
    expect((await runAgainst(store, 'rota', 'import', fixture('rota.csv'))).code).toBe(0);
  });
  afterEach(async () => store.dispose());

  it('prints one JSON object of the documented shape; a visit during a night shift is a release', async () => {
    const answer = await clash(
      '--person',
      ANN,
      '--start',
      '2026-03-10T21:00:00Z',
      '--end',
      '2026-03-10T23:00:00Z',
    );

    expect(Object.keys(answer).sort()).toEqual(['clashes', 'ok', 'release', 'suggestions', 'warnings']);
    expect(answer).toMatchObject({ ok: true, clashes: [], warnings: [] });
    expect(answer.release).toHaveLength(1);
    expect(Object.keys(answer.release[0] ?? {}).sort()).toEqual(
      ['cover_hours', 'end', 'explanation', 'rule', 'shift_end', 'shift_start', 'start', 'who'].sort(),
    );
    expect(answer.release[0]).toMatchObject({
      rule: 'on_duty',
      who: 'visitor',
      start: '2026-03-10T21:00:00+00:00',
      end: '2026-03-10T23:00:00+00:00',
      shift_start: '2026-03-10T20:00:00+00:00',
      shift_end: '2026-03-11T08:00:00+00:00',
      cover_hours: 2,
    });
    expect(answer.release[0]?.explanation).toMatch(/release you for 2 hours/);
    for (const suggestion of answer.suggestions) {
      expect(Object.keys(suggestion).sort()).toEqual(['end', 'start', 'time_basis']);
      expect(['work_time', 'own_time']).toContain(suggestion.time_basis);
    }
  });

  it('a visit 10 hours after a duty ends breaks rest_between_shifts; suggestions are full days that do not clash', async () => {
    const answer = await clash(
      '--person',
      ANN,
      '--start',
      '2026-03-17T07:00:00Z',
      '--end',
      '2026-03-17T09:00:00Z',
    );

    expect(answer.ok).toBe(false);
    expect(answer.clashes.map((c) => [c.rule, c.start, c.end])).toEqual([
      ['rest_between_shifts', '2026-03-16T21:00:00+00:00', '2026-03-17T08:00:00+00:00'],
    ]);
    expect(answer.release).toEqual([]);
    expect(answer.suggestions).toEqual([
      { start: '2026-03-17T09:00:00+00:00', end: '2026-03-17T17:00:00+00:00', time_basis: 'own_time' },
      { start: '2026-03-18T09:00:00+00:00', end: '2026-03-18T17:00:00+00:00', time_basis: 'own_time' },
      { start: '2026-03-19T09:00:00+00:00', end: '2026-03-19T17:00:00+00:00', time_basis: 'own_time' },
    ]);
  });

  it('the morning after nights: a nurse may visit, a doctor in training needs 46 hours', async () => {
    expect((await runAgainst(store, 'rota', 'import', fixture('rota-raj.csv'))).code).toBe(0);
    const visit = ['--start', '2026-03-12T09:00:00Z', '--end', '2026-03-12T13:00:00Z'];

    const nurse = await clash('--person', ANN, ...visit);
    expect(nurse).toMatchObject({ ok: true, clashes: [], release: [] });

    const registrar = await clash('--person', RAJ, ...visit);
    expect(registrar.clashes.map((c) => [c.rule, c.start, c.end])).toEqual([
      ['rest_after_nights', '2026-03-11T08:00:00+00:00', '2026-03-13T06:00:00+00:00'],
    ]);
    // The earliest free mornings, the last swapped for the first in work time (his day shift on the 24th).
    expect(registrar.suggestions).toEqual([
      { start: '2026-03-13T09:00:00+00:00', end: '2026-03-13T13:00:00+00:00', time_basis: 'own_time' },
      { start: '2026-03-16T09:00:00+00:00', end: '2026-03-16T13:00:00+00:00', time_basis: 'own_time' },
      { start: '2026-03-24T09:00:00+00:00', end: '2026-03-24T13:00:00+00:00', time_basis: 'work_time' },
    ]);
    for (const slot of registrar.suggestions) {
      await expect(clash('--person', RAJ, '--start', slot.start, '--end', slot.end)).resolves.toMatchObject({
        ok: true,
      });
    }
  });

  it('offers a work-time slot inside a shift alongside own-time ones', async () => {
    expect((await runAgainst(store, 'rota', 'import', fixture('rota-raj.csv'))).code).toBe(0);
    const answer = await clash('--person', RAJ, '--start', '2026-03-23T09:00', '--end', '2026-03-23T13:00');

    expect(answer.ok).toBe(true);
    expect(answer.suggestions).toContainEqual({
      start: '2026-03-24T09:00:00+00:00',
      end: '2026-03-24T13:00:00+00:00',
      time_basis: 'work_time',
    });
    expect(answer.suggestions.map((s) => s.time_basis)).toContain('own_time');
  });

  it('reads a time without an offset as UK time; cover hours are real hours across the clock change', async () => {
    const morning = await clash('--person', ANN, '--start', '2026-03-29T06:00', '--end', '2026-03-29T07:30');
    expect(morning.release[0]).toMatchObject({
      rule: 'on_duty',
      start: '2026-03-29T06:00:00+01:00',
      end: '2026-03-29T07:30:00+01:00',
      shift_start: '2026-03-28T20:00:00+00:00',
      shift_end: '2026-03-29T08:00:00+01:00',
      cover_hours: 1.5,
    });

    const overTheChange = await clash(
      '--person',
      ANN,
      '--start',
      '2026-03-29T00:00',
      '--end',
      '2026-03-29T04:00',
    );
    expect(overTheChange.release.map((r) => r.cover_hours)).toEqual([3]);
  });

  it('checks the host through their active offer: leave is a warning, a day they do not offer is a clash', async () => {
    expect((await runAgainst(store, 'rota', 'import', fixture('rota-raj.csv'))).code).toBe(0);
    await store.upsert('offers', rajOffer('active'));

    const answer = await clash(
      '--person',
      OMAR,
      '--host',
      RAJ,
      '--start',
      '2026-03-20T09:00:00Z',
      '--end',
      '2026-03-20T13:00:00Z',
    );

    expect(answer.ok).toBe(false);
    expect(answer.clashes.map((c) => [c.rule, c.who])).toEqual([
      ['host_not_working', 'host'],
      ['host_not_offered', 'host'],
    ]);
    expect(answer.warnings.map((c) => [c.rule, c.who])).toEqual([['leave', 'visitor']]);
    // Tuesday mornings only; Raj is on duty on the 24th and on leave on the 31st.
    expect(answer.suggestions).toEqual([
      { start: '2026-03-24T09:00:00+00:00', end: '2026-03-24T13:00:00+00:00', time_basis: 'own_time' },
    ]);
  });

  it('says so when the host has paused their only offer', async () => {
    await store.upsert('offers', rajOffer('paused'));

    const answer = await clash(
      '--person',
      OMAR,
      '--host',
      RAJ,
      '--start',
      '2026-03-24T09:00:00Z',
      '--end',
      '2026-03-24T13:00:00Z',
    );

    const paused = answer.clashes.find((c) => c.rule === 'host_not_offered');
    expect(paused?.explanation).toMatch(/paused/);
    expect(answer.suggestions).toEqual([]);
  });

  it('checks a host without offers on their rota alone: on leave, one reason', async () => {
    const answer = await clash(
      '--person',
      OMAR,
      '--host',
      RAJ,
      '--start',
      '2026-03-31T09:00:00+01:00',
      '--end',
      '2026-03-31T13:00:00+01:00',
    );

    expect(answer.clashes.map((c) => [c.rule, c.who])).toEqual([['host_on_leave', 'host']]);
  });

  it('stops, naming the file, line and setting, when the rule-set file is wrong', async () => {
    const file = path.join(tmpdir(), `rules-${process.pid}.yaml`);
    const good = await readFile(path.join(__dirname, '../../../config/working-time-rules.yaml'), 'utf8');
    await writeFile(file, good.replace('max_weekly_hours: 72', 'max_weekly_hours: lots'));
    try {
      const visit = ['--start', '2026-03-17T09:00', '--end', '2026-03-17T13:00'];
      const run = await runWithSettings(
        store,
        { WORKING_TIME_RULES_FILE: file },
        'clash',
        '--person',
        ANN,
        ...visit,
      );
      expect(run.code).toBe(2);
      const line = good.split('\n').findIndex((l) => l.includes('max_weekly_hours: 72')) + 1;
      expect(run.err).toContain(
        `WORKING_TIME_RULES_FILE: ${file}:${line}: rule_sets.agenda_for_change.max_weekly_hours: Expected number`,
      );
      expect(run.out).toBe('');
    } finally {
      await rm(file, { force: true });
    }
  });

  it.each([
    [
      'an unknown person',
      ['--person', 'nobody@trust.nhs.uk', '--start', '2026-03-12T09:00Z', '--end', '2026-03-12T13:00Z'],
      /--person: no one with email "nobody@trust.nhs.uk"/,
    ],
    [
      'an unknown host',
      [
        '--person',
        ANN,
        '--host',
        'ghost@trust.nhs.uk',
        '--start',
        '2026-03-12T09:00Z',
        '--end',
        '2026-03-12T13:00Z',
      ],
      /--host: no one with email/,
    ],
    [
      'a start that is not a time',
      ['--person', ANN, '--start', 'next Tuesday', '--end', '2026-03-12T13:00Z'],
      /--start "next Tuesday" is not a date and time/,
    ],
    [
      '30 February',
      ['--person', ANN, '--start', '2026-02-30T09:00', '--end', '2026-02-30T13:00'],
      /--start "2026-02-30T09:00" is not a real date/,
    ],
    [
      'a time skipped by the clocks',
      ['--person', ANN, '--start', '2026-03-29T01:30', '--end', '2026-03-29T03:00'],
      /does not exist in UK time/,
    ],
    [
      'an end before the start',
      ['--person', ANN, '--start', '2026-03-12T13:00Z', '--end', '2026-03-12T09:00Z'],
      /--end \(2026-03-12T09:00Z\) must be after --start/,
    ],
    [
      'a missing option',
      ['--person', ANN, '--start', '2026-03-12T09:00Z'],
      /required option '--end <time>' not specified/,
    ],
  ])('exits 2 for %s, with a message on stderr and nothing on stdout', async (_label, args, message) => {
    const run = await runAgainst(store, 'clash', ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });
});
