import {
  advanceDraft,
  startDraft,
  type DialogTurn,
  type DraftInput,
  type HostFinder,
} from '../../../../src/domain/requestDialog/advanceDraft';
import type { HostOption, RequestDraft } from '../../../../src/domain/requestDialog/draft';

const NOW = new Date('2026-11-22T10:00:00Z');

const discharge: HostOption = {
  offerId: 'offer-discharge',
  hostId: 'host-adele',
  title: 'Discharge board round',
  hostName: 'Adele Vance',
  department: 'Discharge & Patient Flow',
  setting: 'office',
  sensitive: false,
  reason: "Matches 'discharge'",
  slots: [
    { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T13:00:00.000Z', warnings: [] },
    { start: '2026-11-26T09:00:00.000Z', end: '2026-11-26T13:00:00.000Z', warnings: [] },
  ],
};

function finderWith(options: HostOption[], slotOk = true): HostFinder & { searches: RequestDraft[] } {
  const searches: RequestDraft[] = [];
  return {
    searches,
    findHosts: async (draft) => {
      searches.push(draft);
      return options;
    },
    checkSlot: async () =>
      slotOk
        ? { ok: true, problems: [], warnings: [] }
        : { ok: false, problems: ['You are on a night shift then.'], warnings: [] },
  };
}

async function run(
  finder: HostFinder,
  opening: string,
  inputs: Array<string | DraftInput>,
): Promise<DialogTurn> {
  let turn = await startDraft(opening, NOW, finder);
  for (const input of inputs) {
    if (!turn.draft) throw new Error('conversation already over');
    turn = await advanceDraft(
      turn.draft,
      typeof input === 'string' ? { kind: 'text', text: input } : input,
      NOW,
      finder,
    );
  }
  return turn;
}

const PURPOSE = 'To understand why discharges get delayed';
const OBJECTIVES = '1. See a board round\n2. Learn how a discharge is planned';

describe('the request conversation', () => {
  it('asks only for what the opening sentence did not say, then summarises', async () => {
    const finder = finderWith([discharge]);
    const first = await startDraft(
      "I'd like to spend a morning with the discharge team next week",
      NOW,
      finder,
    );
    expect(first.prompt).toEqual({ kind: 'ask', step: 'purpose' });
    expect(first.draft).toMatchObject({
      what: 'discharge team',
      window: { from: '2026-11-23', to: '2026-11-29' },
      length: 'am',
    });

    const turn = await run(finder, "I'd like to spend a morning with the discharge team next week", [
      PURPOSE,
      OBJECTIVES,
      'any',
      '1',
      '2',
    ]);
    expect(turn.prompt).toEqual({ kind: 'summary' });
    expect(turn.draft).toMatchObject({
      purpose: PURPOSE,
      objectives: ['See a board round', 'Learn how a discharge is planned'],
      settings: [],
      chosen: { offerId: 'offer-discharge', hostId: 'host-adele' },
      slot: { start: '2026-11-26T09:00:00.000Z', end: '2026-11-26T13:00:00.000Z' },
    });
  });

  it('hands the finished draft over on submit', async () => {
    const turn = await run(finderWith([discharge]), 'new request', [
      'pharmacy',
      PURPOSE,
      OBJECTIVES,
      'next week',
      'afternoon',
      'lower risk',
      '1',
      '1',
      { kind: 'submit' },
    ]);
    expect(turn).toEqual({ draft: undefined, prompt: { kind: 'submit' } });
  });

  it('takes card choices as shortcuts for typed answers', async () => {
    const finder = finderWith([discharge]);
    const turn = await run(finder, 'shadow the discharge team next week', [
      PURPOSE,
      OBJECTIVES,
      { kind: 'choice', field: 'length', value: 'full day' },
      { kind: 'choice', field: 'setting', value: 'any' },
      { kind: 'choice', field: 'host', value: 'offer-discharge' },
      { kind: 'choice', field: 'slot', value: '2026-11-24T09:00:00.000Z' },
    ]);
    expect(turn.prompt.kind).toBe('summary');
    expect(turn.draft?.length).toBe('full_day');
  });

  it.each([
    ['an empty purpose', 'purpose', ['   '], /Please write a little more about why you want to go/],
    [
      'a 5,000-character purpose',
      'purpose',
      ['x'.repeat(5000)],
      /That is 5000 characters; please keep why you want to go under 500/,
    ],
    [
      'an NHS number in the objectives',
      'objectives',
      [PURPOSE, 'Follow patient 943 476 5919 through discharge'],
      /looks like it contains an NHS number/,
    ],
    ['30 February', 'when', [PURPOSE, OBJECTIVES, '30 February'], /30 February is not a real date/],
    ['a date in the past', 'when', [PURPOSE, OBJECTIVES, 'yesterday'], /That date has passed/],
    [
      'an end before the start',
      'length',
      [PURPOSE, OBJECTIVES, 'next week', '14:00-10:00'],
      /end time must be after the start/,
    ],
    [
      'an unknown setting',
      'setting',
      [PURPOSE, OBJECTIVES, 'next week', 'morning', 'on the moon'],
      /did not recognise a setting/,
    ],
    [
      'a host number out of range',
      'host',
      [PURPOSE, OBJECTIVES, 'next week', 'morning', 'any', '7'],
      /choose one of the 1 hosts/,
    ],
  ])('refuses %s with a clear reason and keeps everything else', async (_name, step, inputs, problem) => {
    const finder = finderWith([discharge]);
    const before = await run(finder, 'shadow the discharge team', inputs.slice(0, -1));
    const after = await run(finder, 'shadow the discharge team', inputs);
    expect(after.prompt).toMatchObject({ kind: 'ask', step, problem: expect.stringMatching(problem) });
    expect(after.draft).toEqual(before.draft);
  });

  it('goes back one question with "back" and keeps the answers', async () => {
    const turn = await run(finderWith([discharge]), 'shadow the discharge team', [PURPOSE, 'back']);
    expect(turn.prompt).toEqual({ kind: 'ask', step: 'purpose' });
    expect(turn.draft?.purpose).toBe(PURPOSE);
  });

  it('ends with "cancel" and begins again with "start over", at any step', async () => {
    expect(
      (await run(finderWith([discharge]), 'shadow the discharge team', [PURPOSE, 'Cancel'])).prompt,
    ).toEqual({ kind: 'cancelled' });
    const again = await run(finderWith([discharge]), 'shadow the discharge team', [PURPOSE, 'start over']);
    expect(again.prompt).toMatchObject({ kind: 'ask', step: 'what' });
    expect(again.draft?.purpose).toBeUndefined();
  });

  it('sends the visitor back to the dates when no host is free, saying why', async () => {
    const turn = await run(finderWith([]), 'shadow the discharge team next week', [
      PURPOSE,
      OBJECTIVES,
      'morning',
      'any',
    ]);
    expect(turn.prompt).toMatchObject({
      kind: 'ask',
      step: 'when',
      problem: expect.stringMatching(/could not find a host/),
    });
  });

  it('re-searches hosts when the dates are changed from the summary', async () => {
    const finder = finderWith([discharge]);
    const summary = await run(finder, "I'd like to spend a morning with the discharge team next week", [
      PURPOSE,
      OBJECTIVES,
      'any',
      '1',
      '1',
    ]);
    const edit = await advanceDraft(
      summary.draft as RequestDraft,
      { kind: 'edit', field: 'when' },
      NOW,
      finder,
    );
    expect(edit.prompt).toEqual({ kind: 'ask', step: 'when' });
    const changed = await advanceDraft(
      edit.draft as RequestDraft,
      { kind: 'text', text: 'in two weeks' },
      NOW,
      finder,
    );
    expect(changed.prompt).toEqual({ kind: 'ask', step: 'host' });
    expect(changed.draft?.slot).toBeUndefined();
    expect(finder.searches.at(-1)?.window).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('returns to the summary after changing the purpose', async () => {
    const finder = finderWith([discharge]);
    const summary = await run(finder, "I'd like to spend a morning with the discharge team next week", [
      PURPOSE,
      OBJECTIVES,
      'any',
      '1',
      '1',
    ]);
    const edit = await advanceDraft(
      summary.draft as RequestDraft,
      { kind: 'edit', field: 'purpose' },
      NOW,
      finder,
    );
    const changed = await advanceDraft(
      edit.draft as RequestDraft,
      { kind: 'text', text: 'To see how flow works across the hospital' },
      NOW,
      finder,
    );
    expect(changed.prompt).toEqual({ kind: 'summary' });
    expect(changed.draft?.slot).toEqual(summary.draft?.slot);
  });

  it('accepts a typed day for the slot when it is clash-free, and explains when it is not', async () => {
    const inputs = [PURPOSE, OBJECTIVES, 'any', '1'];
    const ok = await run(
      finderWith([discharge]),
      "I'd like to spend a morning with the discharge team next week",
      [...inputs, 'Fri 27 Nov'],
    );
    expect(ok.draft?.slot).toEqual({ start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T13:00:00.000Z' });
    const clash = await run(
      finderWith([discharge], false),
      "I'd like to spend a morning with the discharge team next week",
      [...inputs, 'Fri 27 Nov'],
    );
    expect(clash.prompt).toMatchObject({
      kind: 'ask',
      step: 'slot',
      problem: 'That time does not work: You are on a night shift then.',
    });
  });

  it('answers a typed day whose custom times the clocks skip with what to use instead', async () => {
    const opening = "I'd like to shadow the discharge team on Sun 28 March 2027";
    const turn = await run(finderWith([discharge]), opening, [
      PURPOSE,
      OBJECTIVES,
      '01:00-03:00',
      'any',
      '1',
      'Sun 28 March 2027',
    ]);
    expect(turn.prompt).toEqual({
      kind: 'ask',
      step: 'slot',
      problem:
        '01:00 on Sun 28 Mar 2027 does not exist in UK time: the clocks go forward from 01:00 to 02:00 ' +
        'that night. Please use a time before 01:00 or from 02:00. Or pick one of the times shown by its number.',
    });
    expect(turn.draft?.slot).toBeUndefined();
    expect(turn.draft?.customTimes).toEqual({ start: '01:00', end: '03:00' });
  });

  it('keeps hostile text as typed: it is data, not markup', async () => {
    const hostile = "<script>alert(1)</script> ${user.name} [x](http://evil.example) ' OR 1=1 --";
    const turn = await run(finderWith([discharge]), 'new request', [hostile]);
    expect(turn.draft?.what).toBe(hostile);
  });
});
