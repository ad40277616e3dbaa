import { createAfterAnswer } from '../../../src/app/afterAnswer';
import type { Notification } from '../../../src/app/notifications';
import { captureLogs } from '../../support/logCapture';

const message = (id: string) => ({ id, personId: 'megan' }) as unknown as Notification;

/** A promise the test settles when it chooses. */
function held<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('work after an answer', () => {
  it('hands what the work queued to the default sender, or to the one the caller names', async () => {
    const { logger } = captureLogs();
    const delivered: string[][] = [];
    const named: string[][] = [];
    const after = createAfterAnswer(logger, (queued) => delivered.push(queued.map((n) => n.id)));

    const one = after.run(() => Promise.resolve([message('a')]), { requestId: 'r1', job: 'file a decision' });
    const two = after.run(() => Promise.resolve([message('b')]), {
      requestId: 'r2',
      job: 'file a decision',
      deliver: (queued) => named.push(queued.map((n) => n.id)),
    });
    await after.idle();

    expect(delivered).toEqual([['a']]);
    expect(named).toEqual([['b']]);
    expect((await one).map((n) => n.id)).toEqual(['a']);
    expect((await two).map((n) => n.id)).toEqual(['b']);
  });

  it('idle waits for work still held, and for work started while it waits', async () => {
    const { logger } = captureLogs();
    const after = createAfterAnswer(logger, () => undefined);
    const first = held<Notification[]>();
    const second = held<Notification[]>();
    const settled: string[] = [];

    after.run(() => first.promise.then((q) => (settled.push('first'), q)), { requestId: 'r1', job: 'j' });
    const idle = after.idle().then(() => settled.push('idle'));
    after.run(() => second.promise.then((q) => (settled.push('second'), q)), { requestId: 'r2', job: 'j' });
    first.resolve([]);
    await first.promise;
    second.resolve([]);
    await idle;

    expect(settled).toEqual(['first', 'second', 'idle']);
  });

  it('logs a failure at error level with the request id, delivers nothing, and leaves no unhandled rejection', async () => {
    const { logger, lines } = captureLogs();
    const delivered: Notification[][] = [];
    const after = createAfterAnswer(logger, (queued) => delivered.push(queued));
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const failed = after.run(() => Promise.reject(new Error('store away')), {
        requestId: 'r1',
        job: 'file a decision',
      });
      after.run(
        () => {
          throw new Error('thrown before a promise');
        },
        { requestId: 'r2', job: 'file a decision' },
      );
      await after.idle();
      await expect(failed).rejects.toThrow('store away');
      // Unhandled rejections are reported once the current macrotask ends.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
    }

    expect(delivered).toEqual([]);
    expect(unhandled).toEqual([]);
    const errors = lines.filter((line) => line.level === 50);
    expect(errors.map((line) => [line.requestId, line.job])).toEqual([
      ['r1', 'file a decision'],
      ['r2', 'file a decision'],
    ]);
  });

  it('a sender that throws is logged too', async () => {
    const { logger, lines } = captureLogs();
    const after = createAfterAnswer(logger, () => {
      throw new Error('sender gone');
    });
    after.run(() => Promise.resolve([message('a')]), { requestId: 'r1', job: 'file a decision' });
    await after.idle();
    expect(lines.filter((line) => line.level === 50).map((line) => line.requestId)).toEqual(['r1']);
  });
});
