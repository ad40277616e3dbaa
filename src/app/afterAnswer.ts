import type { Logger } from '../logging/logger';
import type { Notification } from './notifications';

/** What a piece of work after an answer is about, and who delivers what it queued. */
export interface FollowUpOf {
  /** The request whose record is written; logged with a failure. */
  requestId: string;
  /** What the work is, in a few words, for the log (e.g. "file a decision"). */
  job: string;
  /** Hands what the work queued to the sender; the tracker's own default when absent. */
  deliver?: (queued: Notification[]) => void;
  /** Starts the work once this settles (the answer has gone), so the answer does not wait for it. */
  after?: Promise<unknown>;
}

/**
 * What a move owes once its record is written (pointers, places, messages), filed after the
 * person has their answer, in the same process. If the process stops or the store fails in
 * between, the scheduler's scan files it from the record (see fileStoppedTransition).
 */
export interface AfterAnswer {
  /**
   * Starts `work` now (or once `about.after` settles), without the caller waiting for it, then hands what it queued to be
   * delivered. A failure is logged at error level with the request's id and left for the scan.
   * The promise is the work's own, for a caller that needs what it queued: it rejects when the
   * work fails, and is already caught here, so a caller that drops it hears nothing.
   */
  run(work: () => Promise<Notification[]>, about: FollowUpOf): Promise<Notification[]>;
  /** Resolves once all work started so far, and any started meanwhile, has settled (tests, shutdown). */
  idle(): Promise<void>;
}

export function createAfterAnswer(
  logger: Pick<Logger, 'error'>,
  deliver: (queued: Notification[]) => void,
): AfterAnswer {
  const inFlight = new Set<Promise<void>>();
  return {
    run: (work, about) => {
      const started = about.after
        ? about.after.then(
            () => startSafely(work),
            () => startSafely(work),
          )
        : startSafely(work);
      const settled = started
        .then((queued) => (about.deliver ?? deliver)(queued))
        .catch((error: unknown) =>
          logger.error(
            { err: error, requestId: about.requestId, job: about.job },
            'work after the answer failed; the scheduler files what is missing',
          ),
        )
        .finally(() => inFlight.delete(settled));
      inFlight.add(settled);
      return started;
    },
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/** The work's promise, also when it throws before it has one. */
function startSafely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
