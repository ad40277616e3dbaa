import { performance } from 'node:perf_hooks';

export interface DelayLine {
  /** Takes bytes that arrived now; they are passed on `latencyMs` later, after those before them. */
  push(chunk: Buffer): void;
  /** The sender finished: `onEnd` runs `latencyMs` from now, after every chunk before it. */
  end(onEnd: () => void): void;
  /** Drops whatever is still held. */
  stop(): void;
}

interface Held {
  due: number;
  arrived: number;
  chunk?: Buffer;
  onEnd?: () => void;
  timer: NodeJS.Timeout;
  /** Its timer has fired, maybe a little early. */
  fired: boolean;
}

/**
 * Holds each chunk for `latencyMs` from when it arrived, never less, then passes it on, in the
 * order chunks arrived. Each chunk has a timer of its own for `latencyMs`; Node's timers count in
 * whole milliseconds on a clock as old as the event loop's last wake-up, so one may fire up to a
 * millisecond early: a chunk whose timer fired before it was due waits out the rest on the event
 * loop (setImmediate), not a whole timer tick more. `held(ms)` is told how long each chunk was held.
 */
export function createDelayLine(
  latencyMs: number,
  pass: (chunk: Buffer) => void,
  held: (ms: number) => void = () => undefined,
  now: () => number = () => performance.now(),
): DelayLine {
  const queue: Held[] = [];
  let waiting: NodeJS.Immediate | undefined;
  const release = () => {
    const at = now();
    for (let first = queue[0]; first && first.due <= at; first = queue[0]) {
      queue.shift();
      clearTimeout(first.timer);
      held(at - first.arrived);
      if (first.chunk) pass(first.chunk);
      first.onEnd?.();
    }
    if (queue[0]?.fired && waiting === undefined)
      waiting = setImmediate(() => {
        waiting = undefined;
        release();
      });
  };
  const hold = (entry: { chunk?: Buffer; onEnd?: () => void }) => {
    const arrived = now();
    const held: Held = {
      ...entry,
      arrived,
      due: arrived + latencyMs,
      fired: false,
      timer: setTimeout(() => {
        held.fired = true;
        release();
      }, latencyMs),
    };
    queue.push(held);
  };
  return {
    push: (chunk) => hold({ chunk }),
    end: (onEnd) => hold({ onEnd }),
    stop: () => {
      for (const entry of queue.splice(0)) clearTimeout(entry.timer);
      if (waiting !== undefined) clearImmediate(waiting);
      waiting = undefined;
    },
  };
}
