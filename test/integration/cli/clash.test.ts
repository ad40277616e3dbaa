import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import type { HostOffer } from '../../../src/domain/offers';
import { fixture, openTestStore, runAgainst, type TestStore } from './cliHarness';

interface Answer {
  ok: boolean;
  clashes: Array<Record<string, string>>;
  warnings: Array<Record<string, string>>;
  suggestions: Array<{ start: string; end: string }>;
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

  it('prints one JSON object of the documented shape; a visit during a night shift is on_duty', async () => {
    const answer = await clash(
      '--person',
      ANN,
      '--start',
      '2026-03-10T21:00:00Z',
      '--end',
      '2026-03-10T23:00:00Z',
    );

    expect(Object.keys(answer)).toEqual(['ok', 'clashes', 'warnings', 'suggestions']);
    expect(answer.ok).toBe(false);
    expect(answer.clashes).toHaveLength(1);
    expect(Object.keys(answer.clashes[0] ?? {})).toEqual(['rule', 'who', 'start', 'end', 'explanation']);
    expect(answer.clashes[0]).toMatchObject({
      rule: 'on_duty',
      who: 'visitor',
      start: '2026-03-10T20:00:00+00:00',
      end: '2026-03-11T08:00:00+00:00',
    });
    expect(answer.clashes[0]?.explanation).toMatch(/\S/);
    expect(answer.warnings).toEqual([]);
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
    expect(answer.suggestions).toEqual([
      { start: '2026-03-17T09:00:00+00:00', end: '2026-03-17T17:00:00+00:00' },
      { start: '2026-03-18T09:00:00+00:00', end: '2026-03-18T17:00:00+00:00' },
      { start: '2026-03-19T09:00:00+00:00', end: '2026-03-19T17:00:00+00:00' },
    ]);
  });

  it('a morning inside the 46 hours after nights suggests the next free mornings, each clash-free on its own', async () => {
    const answer = await clash(
      '--person',
      ANN,
      '--start',
      '2026-03-12T09:00:00Z',
      '--end',
      '2026-03-12T13:00:00Z',
    );

    expect(answer.clashes.map((c) => c.rule)).toEqual(['rest_after_nights']);
    // Friday 13th is clear; Monday 16th is within 11 h of the late shift starting at 13:00.
    expect(answer.suggestions).toEqual([
      { start: '2026-03-13T09:00:00+00:00', end: '2026-03-13T13:00:00+00:00' },
      { start: '2026-03-17T09:00:00+00:00', end: '2026-03-17T13:00:00+00:00' },
      { start: '2026-03-18T09:00:00+00:00', end: '2026-03-18T13:00:00+00:00' },
    ]);
    for (const slot of answer.suggestions) {
      await expect(clash('--person', ANN, '--start', slot.start, '--end', slot.end)).resolves.toMatchObject({
        ok: true,
      });
    }
  });

  it('reads a time without an offset as UK time and answers with the summer-time offset after the clocks change', async () => {
    const answer = await clash('--person', ANN, '--start', '2026-03-29T06:00', '--end', '2026-03-29T07:30');

    expect(answer.clashes[0]).toMatchObject({
      rule: 'on_duty',
      start: '2026-03-28T20:00:00+00:00',
      end: '2026-03-29T08:00:00+01:00',
    });
  });

  it('checks the host through their active offer: leave is a warning, a day they do not offer is a clash', async () => {
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
    expect(answer.clashes.map((c) => [c.rule, c.who])).toEqual([['host_not_offered', 'host']]);
    expect(answer.warnings.map((c) => [c.rule, c.who])).toEqual([['leave', 'visitor']]);
    // Tuesday mornings only; on 31 March the host is on leave.
    expect(answer.suggestions).toEqual([
      { start: '2026-03-24T09:00:00+00:00', end: '2026-03-24T13:00:00+00:00' },
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

    expect(answer.clashes.map((c) => c.rule)).toEqual(['host_not_offered']);
    expect(answer.clashes[0]?.explanation).toMatch(/paused/);
    expect(answer.suggestions).toEqual([]);
  });

  it('checks a host without offers on their rota alone', async () => {
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
