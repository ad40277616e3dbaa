import { advanceDraft, startDraft, type HostFinder } from '../../../../src/domain/requestDialog/advanceDraft';
import type { RequestDraft } from '../../../../src/domain/requestDialog/draft';
import type { ModelOutcome, SentenceModel } from '../../../../src/domain/requestDialog/modelReading';

// Sunday 22 November 2026, 10:00 in London.
const NOW = new Date('2026-11-22T10:00:00Z');

const noHosts: HostFinder = {
  findHosts: async () => [],
  findTimes: async () => [],
  checkSlot: async () => ({ ok: true, problems: [], warnings: [] }),
};

function modelAnswering(...answers: Array<string | undefined>): SentenceModel & {
  asked: string[];
  outcomes: ModelOutcome[];
} {
  const asked: string[] = [];
  const outcomes: ModelOutcome[] = [];
  return {
    asked,
    outcomes,
    read: async (text) => {
      asked.push(text);
      return answers.shift();
    },
    noteOutcome: (outcome) => outcomes.push(outcome),
  };
}

async function draftAt(opening: string, step: string): Promise<RequestDraft> {
  const turn = await startDraft(opening, NOW, noHosts);
  expect(turn.draft?.step).toBe(step);
  return turn.draft as RequestDraft;
}

describe('typed answers read by the language model too', () => {
  const CURIOUS = 'Mostly curiosity, I have always wondered how the discharge lounge works';

  it('takes what to learn from a why answer that names no aim, in the words typed', async () => {
    const draft = await draftAt("I'd like to spend a morning with the discharge team next week", 'reasons');
    const model = modelAnswering(JSON.stringify({ objectives: ['learn how the discharge lounge works'] }));
    const turn = await advanceDraft(draft, { kind: 'text', text: CURIOUS }, NOW, noHosts, { model });
    expect(model.asked).toEqual([CURIOUS]);
    expect(model.outcomes).toEqual(['used']);
    expect(turn.draft).toMatchObject({
      purpose: CURIOUS,
      objectives: ['Learn how the discharge lounge works'],
    });
  });

  it('keeps the why answer as read when the model fails, and asks nothing of a model not configured', async () => {
    const draft = await draftAt("I'd like to spend a morning with the discharge team next week", 'reasons');
    const model = modelAnswering(undefined);
    const failed = await advanceDraft(draft, { kind: 'text', text: CURIOUS }, NOW, noHosts, { model });
    const without = await advanceDraft(draft, { kind: 'text', text: CURIOUS }, NOW, noHosts);
    expect(model.outcomes).toEqual(['failed']);
    expect(failed).toEqual(without);
  });

  it('fills what is still missing from an answer to "who or what", keeping the answer as typed', async () => {
    const draft = await draftAt("I'd like to do a shadowing visit next week", 'what');
    const answer = 'the folk who run the discharge lounge, I am keen to see how patients leave hospital';
    const model = modelAnswering(
      JSON.stringify({
        what: 'the discharge lounge',
        purpose: 'keen to see how patients leave hospital',
      }),
    );
    const turn = await advanceDraft(draft, { kind: 'text', text: answer }, NOW, noHosts, { model });
    expect(model.outcomes).toEqual(['used']);
    expect(turn.draft).toMatchObject({
      what: answer,
      purpose: 'keen to see how patients leave hospital',
      window: { from: '2026-11-23', to: '2026-11-29' },
    });
  });
});
