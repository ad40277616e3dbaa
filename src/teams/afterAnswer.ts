import { AsyncLocalStorage } from 'node:async_hooks';

/** The turn being answered over HTTP now: settles once its answer has been written. */
const answering = new AsyncLocalStorage<Promise<void>>();

/**
 * Runs one HTTP turn (`answer` writes its answer and settles), so that background work the turn
 * starts (its deliveries) can wait for `whenAnswered` and the person is not kept waiting for it.
 * `whenAnswered` settles once the answer is written, whether the turn succeeded or failed, and the
 * event loop has then polled for I/O once more: what was waiting on a socket (the answer's reader
 * when it shares this process, as in tests and benchmarks; other people's turns) goes first.
 */
export function answerFirst<T>(answer: () => Promise<T>): Promise<T> {
  let answered: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => (answered = resolve));
  return answering.run(gone, () => answer().finally(() => setImmediate(() => setImmediate(answered))));
}

/**
 * When work started now may begin without holding up an answer: once the HTTP turn it runs in has
 * answered, or undefined (at once) outside one (the scheduler, deliveries, a turn not over HTTP).
 */
export function whenAnswered(): Promise<void> | undefined {
  return answering.getStore();
}

/** Runs work (deliveries) outside the HTTP turn that started it: what it starts later need not wait. */
export function outsideAnswer<T>(work: () => T): T {
  return answering.exit(work);
}
