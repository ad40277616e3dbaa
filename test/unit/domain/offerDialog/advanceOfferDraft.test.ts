import {
  advanceOfferDraft,
  type OfferInput,
  type OfferTurn,
} from '../../../../src/domain/offerDialog/advanceOfferDraft';
import {
  offerFieldsFromDraft,
  startOfferDraft,
  type OfferDraft,
} from '../../../../src/domain/offerDialog/offerDraft';

const NOW = new Date('2026-11-22T10:00:00Z');
const DEFAULTS = { profession: 'ahp', department: 'Physiotherapy' } as const;

const TITLE = 'Physiotherapy outpatient clinic';
const DESCRIPTION = 'Sit in on a physiotherapy clinic and see how we assess and treat back pain.';
const MEETING = 'Physio reception, Outpatients Level 1';

/** Every answer of a plain, non-sensitive offer, in order. */
const HAPPY: string[] = [
  TITLE,
  DESCRIPTION,
  'same as me',
  'Physiotherapy',
  'clinic',
  'Tuesday mornings and Thursday afternoons',
  '2',
  '6',
  'nurses and AHPs',
  'none',
  MEETING,
];

function run(
  inputs: Array<string | OfferInput>,
  draft: OfferDraft = startOfferDraft(DEFAULTS, NOW),
): OfferTurn {
  let turn: OfferTurn = { draft, prompt: { kind: 'ask', step: 'title' } };
  for (const input of inputs) {
    if (!turn.draft) throw new Error('conversation already over');
    turn = advanceOfferDraft(
      turn.draft,
      typeof input === 'string' ? { kind: 'text', text: input } : input,
      NOW,
    );
  }
  return turn;
}

const choice = (field: Extract<OfferInput, { kind: 'choice' }>['field'], value: string): OfferInput => ({
  kind: 'choice',
  field,
  value,
});

describe('the offer-to-host conversation', () => {
  it('asks each question in turn, then shows the summary with every answer read', () => {
    const turn = run(HAPPY.map((text) => (text === 'same as me' ? choice('profession', 'ahp') : text)));
    expect(turn.prompt).toEqual({ kind: 'summary' });
    expect(offerFieldsFromDraft(turn.draft as OfferDraft)).toEqual({
      title: TITLE,
      description: DESCRIPTION,
      profession: 'ahp',
      department: 'Physiotherapy',
      setting: 'outpatient_clinic',
      sessions: [
        { weekday: 'tue', part: 'am' },
        { weekday: 'thu', part: 'pm' },
      ],
      capacityPerWeek: 2,
      capacityPerMonth: 6,
      openTo: ['nursing', 'ahp'],
      prerequisites: '',
      meetingPoint: MEETING,
    });
  });

  it('asks the questions in the agreed order', () => {
    const steps: string[] = [];
    let turn = run([]);
    for (const answer of HAPPY.map((t) => (t === 'same as me' ? 'physio' : t))) {
      steps.push(turn.prompt.kind === 'ask' ? turn.prompt.step : turn.prompt.kind);
      turn = run([answer], turn.draft);
    }
    expect(steps).toEqual([
      'title',
      'description',
      'profession',
      'department',
      'setting',
      'sessions',
      'perWeek',
      'perMonth',
      'openTo',
      'prerequisites',
      'meetingPoint',
    ]);
  });

  it('hands the finished offer over on submit, by button or by typing "save"', () => {
    expect(run([...HAPPY.map((t) => (t === 'same as me' ? 'AHP' : t)), { kind: 'submit' }])).toEqual({
      draft: undefined,
      prompt: { kind: 'submit' },
    });
    expect(run([...HAPPY.map((t) => (t === 'same as me' ? 'AHP' : t)), 'Save'])).toEqual({
      draft: undefined,
      prompt: { kind: 'submit' },
    });
  });

  it('refuses to submit before the summary, and points to the first question still open', () => {
    const turn = run([TITLE, { kind: 'submit' }]);
    expect(turn.prompt).toEqual({
      kind: 'ask',
      step: 'description',
      problem: 'There is still something to answer first.',
    });
  });

  it('reads both capacity figures from one answer such as "2 a week and 6 a month"', () => {
    const turn = run([
      TITLE,
      DESCRIPTION,
      'AHP',
      'Physiotherapy',
      'office',
      'weekday mornings',
      'two a week and 6 a month',
    ]);
    expect(turn.prompt).toEqual({ kind: 'ask', step: 'openTo' });
    expect(turn.draft).toMatchObject({ capacityPerWeek: 2, capacityPerMonth: 6 });
  });

  const upTo = (step: number) => HAPPY.slice(0, step).map((t) => (t === 'same as me' ? 'AHP' : t));
  it.each([
    ['an empty title', 'title', [...upTo(0), '   '], /Please write a little more about the title/],
    [
      'a 5,000-character description',
      'description',
      [...upTo(1), 'x'.repeat(5000)],
      /That is 5000 characters; please keep what a visitor will see and learn under 1000/,
    ],
    ['a description that is too short', 'description', [...upTo(1), 'Clinic.'], /at least 20 characters/],
    [
      'an NHS number in the description',
      'description',
      [...upTo(1), 'You will follow patient 943 476 5919 through clinic today'],
      /looks like it contains an NHS number/,
    ],
    [
      'a hospital number in where to meet',
      'meetingPoint',
      [...upTo(10), 'Bed 4, patient MRN 12345678'],
      /patient identifier/,
    ],
    ['an unknown staff group', 'profession', [...upTo(2), 'astronaut'], /did not recognise that staff group/],
    ['two staff groups for the host', 'profession', [...upTo(2), 'nurse and doctor'], /just one staff group/],
    ['an unknown setting', 'setting', [...upTo(4), 'on the moon'], /did not recognise that setting/],
    [
      'a setting that could be two',
      'setting',
      [...upTo(4), 'clinic or office'],
      /could be Outpatient clinic or Office or management/,
    ],
    [
      'sessions without a part of the day',
      'sessions',
      [...upTo(5), 'Tuesdays'],
      /Which part of the day for Tuesday/,
    ],
    ['sessions without a day', 'sessions', [...upTo(5), 'whenever suits'], /could not find any days/],
    [
      'no visitors a week',
      'perWeek',
      [...upTo(6), '0'],
      /Visitors a week must be a whole number from 1 to 20; you said 0/,
    ],
    ['21 visitors a week', 'perWeek', [...upTo(6), '21'], /from 1 to 20; you said 21/],
    [
      'words for visitors a week',
      'perWeek',
      [...upTo(6), 'lots'],
      /Please give visitors a week as a whole number/,
    ],
    [
      'a month below the week',
      'perMonth',
      [...upTo(7), '1'],
      /You said 2 a week, so the month needs at least 2, not 1/,
    ],
    [
      'a pair with the month below the week',
      'perWeek',
      [...upTo(6), '5 a week and 3 a month'],
      /the month needs at least 5, not 3/,
    ],
    [
      'unknown staff groups who may visit',
      'openTo',
      [...upTo(8), 'the public'],
      /did not recognise those staff groups/,
    ],
    ['an empty place to meet', 'meetingPoint', [...upTo(10), ''], /where to meet/],
  ])('refuses %s with a clear reason and keeps everything else', (_name, step, inputs, problem) => {
    const before = run(inputs.slice(0, -1));
    const after = run(inputs);
    expect(after.prompt).toMatchObject({ kind: 'ask', step, problem: expect.stringMatching(problem) });
    expect(after.draft).toEqual(before.draft);
  });

  it('refuses a button from an earlier question without changing anything', () => {
    const before = run(upTo(5));
    const after = run([choice('profession', 'medical')], before.draft);
    expect(after.prompt).toMatchObject({
      kind: 'ask',
      step: 'sessions',
      problem: expect.stringMatching(/earlier question/),
    });
    expect(after.draft).toEqual(before.draft);
  });

  it('goes back one question with "back" and keeps the answers', () => {
    const turn = run([TITLE, DESCRIPTION, 'back']);
    expect(turn.prompt).toEqual({ kind: 'ask', step: 'description' });
    expect(turn.draft?.description).toBe(DESCRIPTION);
    expect(run(['back']).prompt).toMatchObject({
      kind: 'ask',
      step: 'title',
      note: 'This is the first question.',
    });
  });

  it('ends with "cancel" and begins again with "start over", at any step', () => {
    expect(run([TITLE, DESCRIPTION, 'Cancel'])).toEqual({ draft: undefined, prompt: { kind: 'cancelled' } });
    expect(run([...upTo(11), { kind: 'control', word: 'cancel' }])).toEqual({
      draft: undefined,
      prompt: { kind: 'cancelled' },
    });
    const again = run([TITLE, DESCRIPTION, 'start over']);
    expect(again.prompt).toMatchObject({ kind: 'ask', step: 'title', note: 'Starting again.' });
    expect(again.draft).toEqual(startOfferDraft(DEFAULTS, NOW));
  });

  it('keeps hostile text exactly as typed: it is data, not markup', () => {
    const hostile = "<script>alert(1)</script> ${user.name} [x](http://evil.example) ' OR 1=1 -- مرحبا 👍";
    const turn = run([hostile, `${hostile} and some more words to pass twenty`]);
    expect(turn.draft?.title).toBe(hostile);
    expect(turn.draft?.description).toBe(`${hostile} and some more words to pass twenty`);
  });

  it('removes right-to-left override and control characters from answers', () => {
    expect(run(['Ward \u202Eround\u0007 visit']).draft?.title).toBe('Ward round visit');
  });
});

describe('sensitive settings', () => {
  const toSetting = [TITLE, DESCRIPTION, 'nurse', 'Ward 7'];

  it('asks the host to accept the extra induction before going on', () => {
    const asked = run([...toSetting, 'A&E']);
    expect(asked.prompt).toEqual({ kind: 'ask', step: 'induction' });
    const accepted = run([...toSetting, 'A&E', 'Yes, I will arrange the induction']);
    expect(accepted.prompt).toEqual({ kind: 'ask', step: 'sessions' });
    expect(accepted.draft).toMatchObject({ setting: 'emergency_department', inductionAccepted: true });
  });

  it('takes the acceptance from a button too', () => {
    const accepted = run([...toSetting, choice('setting', 'critical_care'), choice('induction', 'yes')]);
    expect(accepted.draft).toMatchObject({ setting: 'critical_care', inductionAccepted: true });
  });

  it('sends a host who will not arrange an induction back to choose a lower-risk setting', () => {
    const declined = run([...toSetting, 'theatre', 'no']);
    expect(declined.prompt).toMatchObject({
      kind: 'ask',
      step: 'setting',
      note: expect.stringMatching(
        /only come to a ward, theatre, A&E or critical care if you arrange an induction/,
      ),
    });
    expect(declined.draft?.setting).toBeUndefined();
    const lower = run(['office'], declined.draft);
    expect(lower.prompt).toEqual({ kind: 'ask', step: 'sessions' });
    expect(lower.draft).toMatchObject({ setting: 'office' });
  });

  it('refuses an unclear answer to the induction question', () => {
    const turn = run([...toSetting, 'ward', 'maybe later']);
    expect(turn.prompt).toMatchObject({
      kind: 'ask',
      step: 'induction',
      problem: expect.stringMatching(/yes, I will arrange the induction/),
    });
    expect(turn.draft?.inductionAccepted).toBe(false);
  });

  it('cannot reach the summary or be submitted without the acceptance', () => {
    const turn = run([...toSetting, 'ward', { kind: 'submit' }]);
    expect(turn.prompt).toMatchObject({
      kind: 'ask',
      step: 'induction',
      problem: 'There is still something to answer first.',
    });
  });
});
