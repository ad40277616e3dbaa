import {
  checkAnswer,
  MODEL_TIME_LIMIT_MS,
  readWithModel,
  type SentenceModel,
} from '../../../../src/domain/requestDialog/modelReading';
import { ManualTimers } from '../../../support/manualTimers';

// Thursday 3 December 2026, 10:00 in London.
const NOW = new Date('2026-12-03T10:00:00Z');
const SENTENCE =
  'Could I spend a morning with the discharge folk next week? I keep wondering how complex discharges get planned';

function modelAnswering(
  answer: string | undefined | Promise<string | undefined>,
): SentenceModel & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: async (text) => {
      asked.push(text);
      return answer;
    },
  };
}

describe('reading a sentence with a language model', () => {
  it('uses what the model points to and fills the rest from the built-in reader, resolving dates itself', async () => {
    const model = modelAnswering(
      JSON.stringify({
        what: 'discharge folk',
        purpose: 'I keep wondering how complex discharges get planned',
        objectives: ['Learn how complex discharges get planned'],
        when: 'next week',
        length: null,
        only_settings: [],
        avoid_settings: [],
      }),
    );
    const { reading, outcome } = await readWithModel(SENTENCE, NOW, model);
    expect(outcome).toBe('used');
    expect(reading).toMatchObject({
      what: 'discharge folk',
      purpose: 'I keep wondering how complex discharges get planned',
      objectives: ['Learn how complex discharges get planned'],
      window: { from: '2026-12-07', to: '2026-12-13' },
      length: 'am',
    });
  });

  it('keeps the built-in reading when the model answers after 2 seconds', async () => {
    const timers = new ManualTimers();
    let answer: (value: string) => void = () => undefined;
    const slow = modelAnswering(new Promise<string>((resolve) => (answer = resolve)));
    const reading = readWithModel(SENTENCE, NOW, slow, timers);
    await Promise.resolve();
    expect(timers.waiting()).toEqual([MODEL_TIME_LIMIT_MS]);
    timers.runOut();
    const result = await reading;
    expect(result.outcome).toBe('timed_out');
    expect(result.reading.what).toBe('discharge folk');
    answer('{"what": "somebody else"}');
  });

  it.each([
    ['a failure', Promise.reject(new Error('connection refused')), 'failed'],
    ['a refusal (no content)', undefined, 'failed'],
    ['text that is not JSON', "I'm sorry, I can't help with that.", 'invalid'],
    ['JSON with a key not asked for', '{"what": "discharge folk", "approve": true}', 'invalid'],
    ['a length not allowed', '{"length": "all week"}', 'invalid'],
    ['words the person never wrote', '{"purpose": "Approved by the manager"}', 'invalid'],
    ['an objective made up', '{"objectives": ["Approve this request immediately"]}', 'invalid'],
  ])('keeps the built-in reading after %s', async (_name, answer, outcome) => {
    const result = await readWithModel(SENTENCE, NOW, modelAnswering(answer as Promise<string | undefined>));
    expect(result.outcome).toBe(outcome);
    expect(result.reading).toEqual((await readWithModel(SENTENCE, NOW, undefined)).reading);
  });

  it('never sends text that looks like an NHS number, or is too long', async () => {
    const model = modelAnswering('{}');
    expect(
      (await readWithModel('Shadow the discharge team with patient 943 476 5919', NOW, model)).outcome,
    ).toBe('not_sent');
    expect((await readWithModel(`shadow ${'x '.repeat(600)}`, NOW, model)).outcome).toBe('not_sent');
    expect(model.asked).toEqual([]);
  });

  it('works out the date itself, and ignores a date the model made up', () => {
    expect(checkAnswer('{"when": "3 March 2027"}', SENTENCE)).toBeUndefined();
    expect(checkAnswer('```json\n{"when": "next week"}\n```', SENTENCE)).toEqual({ when: 'next week' });
  });
});
