import type { AsyncLocalStorage } from 'node:async_hooks';
import type { RunningService } from '../../src/main';

/**
 * Runs the service's work that no answer waits for inside `background`, so its store calls can be
 * told from a turn's own: deliveries, and what a decision files after its answer (only work
 * started once the answer has gone: a follow-up the answer waits for stays the turn's own).
 * Returns what puts both back.
 */
export function markBackgroundWork(service: RunningService, background: AsyncLocalStorage<true>): () => void {
  const { dispatcher, afterAnswer } = service;
  const kick = dispatcher.kick;
  const run = afterAnswer.run;
  dispatcher.kick = (queued, after, pressed) => background.run(true, () => kick(queued, after, pressed));
  afterAnswer.run = (work, about) =>
    about.after ? background.run(true, () => run(work, about)) : run(work, about);
  return () => {
    dispatcher.kick = kick;
    afterAnswer.run = run;
  };
}
