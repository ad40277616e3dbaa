import { answerFirst, outsideAnswer, whenAnswered } from '../../../src/teams/afterAnswer';

/** A turn's answer the test settles when it chooses. */
function pendingAnswer() {
  let settle: (failed: boolean) => void = () => undefined;
  const answer = new Promise<string>((resolve, reject) => {
    settle = (failed) => (failed ? reject(new Error('the turn failed')) : resolve('answered'));
  });
  return { answer, settle };
}

describe('work that waits for the turn to answer', () => {
  it('starts at once outside a turn answered over HTTP', () => {
    expect(whenAnswered()).toBeUndefined();
  });

  it.each([
    ['answered', false],
    ['failed', true],
  ])('starts only once the turn has %s', async (_outcome, failed) => {
    const { answer, settle } = pendingAnswer();
    const events: string[] = [];
    let started: Promise<void> | undefined;
    const turn = answerFirst(async () => {
      started = whenAnswered()?.then(() => void events.push('background work'));
      const result = await answer;
      events.push('answer written');
      return result;
    });
    // The turn is still answering: nothing waiting for it has begun.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    settle(failed);
    await turn.then(
      () => events.push('turn done'),
      () => events.push('turn done'),
    );
    await started;
    expect(events.filter((e) => e !== 'turn done').at(-1)).toBe('background work');
    expect(events.indexOf('background work')).toBeGreaterThan(events.indexOf('turn done'));
  });

  it('does not hold up what background work itself starts later', async () => {
    const { answer, settle } = pendingAnswer();
    let inside: Promise<void> | undefined | 'unset' = 'unset';
    const turn = answerFirst(async () => {
      outsideAnswer(() => (inside = whenAnswered()));
      return answer;
    });
    expect(inside).toBeUndefined();
    settle(false);
    await turn;
  });
});
