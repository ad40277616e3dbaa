import type { TracedSend } from './summariseSendTrace';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface WorkerRun {
  child: ChildProcess;
  /** Resolves with the exit code, or the signal that ended it. */
  done: Promise<number | string>;
  /** What the instance reported when it finished: CPU time used, messages handled, RSS at the end. */
  usage: WorkerUsage | undefined;
}

export interface WorkerUsage {
  cpuMs: number;
  handled: number;
  rssMiB: number;
  /** When the limiter let each send go (ms since 1970, this machine's clock). */
  granted: number[];
  /** When the first send to each conversation was let go. */
  grantedTo: Record<string, number>;
  /** How long after its slot each send went, ms. */
  lateMs: number[];
  /** Slots given up because the sender woke too late for them. */
  misses: number;
  /** Store requests by operation and container, e.g. `read outbox`. */
  storeCalls: Record<string, number>;
  /** Delivery runs that failed (the store did not answer) and were followed by another. */
  failedRuns: number;
  /** With FANOUT_TRACE_SENDS: each send's slot and when it went, and every slot reserved (ms since 1970). */
  sends?: TracedSend[];
  reserved?: number[];
  /** With FANOUT_TRACE_SENDS: every request to the connector, when handed to fetch and answered. */
  fetches?: Array<{ conversation: string; method: string; at: number; doneAt?: number; status?: number }>;
  /** With FANOUT_TRACE_SENDS: the worker's garbage collections (start, ms since 1970; duration, ms). */
  collections?: Array<{ at: number; ms: number; kind: number }>;
}

/** Starts one sending instance (deliverWorker) as a child process. */
export function runWorker(env: Record<string, string>): WorkerRun {
  const child = fork(path.join(__dirname, 'deliverWorker.js'), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)),
  );
  const run: WorkerRun = { child, done, usage: undefined };
  child.on('message', (message) => (run.usage = message as WorkerRun['usage']));
  return run;
}
