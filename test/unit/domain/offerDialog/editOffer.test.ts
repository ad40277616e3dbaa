import {
  advanceOfferDraft,
  type OfferInput,
  type OfferTurn,
} from '../../../../src/domain/offerDialog/advanceOfferDraft';
import {
  offerFieldsFromDraft,
  startOfferEdit,
  type OfferDraft,
} from '../../../../src/domain/offerDialog/offerDraft';
import type { HostOffer } from '../../../../src/domain/offers';

const NOW = new Date('2026-11-22T10:00:00Z');
const DEFAULTS = { profession: 'nursing', department: 'Ward 7' } as const;

const SAVED: HostOffer = {
  id: 'offer-ward-7',
  hostId: 'host-megan',
  title: 'A late shift on a medical ward',
  description: 'See how a busy medical ward hands over, plans discharges and works with therapists.',
  profession: 'nursing',
  department: 'Ward 7',
  setting: 'ward',
  sessions: [{ weekday: 'wed', part: 'pm' }],
  capacityPerWeek: 1,
  capacityPerMonth: 3,
  openTo: [],
  prerequisites: 'Closed shoes, hair tied back.',
  meetingPoint: 'Ward 7 nurses station, Level 3',
  status: 'active',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
};

function run(draft: OfferDraft, inputs: Array<string | OfferInput>): OfferTurn {
  let turn: OfferTurn = { draft, prompt: { kind: 'summary' } };
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

const edit = (field: Extract<OfferInput, { kind: 'edit' }>['field']): OfferInput => ({ kind: 'edit', field });

describe('changing a saved offer', () => {
  const opened = startOfferEdit(SAVED, DEFAULTS, NOW);

  it('opens on the summary with every saved answer, the sensitive setting already accepted', () => {
    expect(opened.step).toBe('summary');
    expect(opened.offerId).toBe('offer-ward-7');
    expect(opened.inductionAccepted).toBe(true);
    const { id: _id, hostId: _host, status: _status, createdAt: _c, updatedAt: _u, ...fields } = SAVED;
    expect(offerFieldsFromDraft(opened)).toEqual(fields);
  });

  it('does not share arrays with the saved offer', () => {
    opened.sessions?.push({ weekday: 'mon', part: 'am' });
    expect(SAVED.sessions).toHaveLength(1);
    opened.sessions?.pop();
  });

  it('changes one field and returns to the summary, keeping the others', () => {
    const turn = run(opened, [edit('meetingPoint'), 'Ward 7 reception desk, Level 3, Main Building']);
    expect(turn.prompt).toEqual({ kind: 'summary' });
    expect(turn.draft).toMatchObject({
      meetingPoint: 'Ward 7 reception desk, Level 3, Main Building',
      title: SAVED.title,
      offerId: SAVED.id,
    });
    expect(run(turn.draft as OfferDraft, [{ kind: 'submit' }])).toEqual({
      draft: undefined,
      prompt: { kind: 'submit' },
    });
  });

  it('asks for the induction again when the setting changes to another sensitive one', () => {
    const changed = run(opened, [edit('setting'), 'theatre']);
    expect(changed.prompt).toEqual({ kind: 'ask', step: 'induction' });
    const accepted = run(changed.draft as OfferDraft, ['yes']);
    expect(accepted.prompt).toEqual({ kind: 'summary' });
    expect(accepted.draft).toMatchObject({ setting: 'theatre', inductionAccepted: true });
  });

  it('needs no induction when the setting changes to a lower-risk one', () => {
    const changed = run(opened, [edit('setting'), choice('office')]);
    expect(changed.prompt).toEqual({ kind: 'summary' });
    expect(changed.draft?.setting).toBe('office');
  });

  it('asks for the month again when a bigger week leaves it too small', () => {
    const changed = run(opened, [edit('perWeek'), '4']);
    expect(changed.prompt).toMatchObject({
      kind: 'ask',
      step: 'perMonth',
      note: expect.stringMatching(/You now offer 4 a week/),
    });
    expect(run(changed.draft as OfferDraft, [{ kind: 'submit' }]).prompt).toMatchObject({
      kind: 'ask',
      step: 'perMonth',
    });
    const fixed = run(changed.draft as OfferDraft, ['8']);
    expect(fixed.prompt).toEqual({ kind: 'summary' });
    expect(fixed.draft).toMatchObject({ capacityPerWeek: 4, capacityPerMonth: 8 });
  });

  it('keeps the saved values when a change is refused', () => {
    const turn = run(opened, [edit('description'), 'Too short']);
    expect(turn.prompt).toMatchObject({
      kind: 'ask',
      step: 'description',
      problem: expect.stringMatching(/at least 20 characters/),
    });
    expect(turn.draft?.description).toBe(SAVED.description);
  });

  it('goes back to the summary from a change with "back"', () => {
    const turn = run(opened, [edit('title'), 'back']);
    expect(turn.prompt).toEqual({ kind: 'summary' });
    expect(turn.draft?.title).toBe(SAVED.title);
  });

  it('answers other typing on the summary by pointing at the buttons', () => {
    const turn = run(opened, ['what now?']);
    expect(turn.prompt).toMatchObject({ kind: 'summary', problem: expect.stringMatching(/Use the buttons/) });
    expect(turn.draft).toEqual(opened);
  });

  it('starts over with a blank offer that will still replace the saved one', () => {
    const turn = run(opened, ['start again']);
    expect(turn.prompt).toMatchObject({
      kind: 'ask',
      step: 'title',
      note: expect.stringMatching(/saved offer stays as it was until you save/),
    });
    expect(turn.draft).toMatchObject({ offerId: SAVED.id, step: 'title' });
    expect(turn.draft?.title).toBeUndefined();
  });

  function choice(value: string): OfferInput {
    return { kind: 'choice', field: 'setting', value };
  }
});
