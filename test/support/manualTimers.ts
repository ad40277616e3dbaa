import type { Timers } from '../../src/domain/requestDialog/modelReading';

/** Timers that fire only when the test says so: a time limit is run out without waiting. */
export class ManualTimers implements Timers {
  private next = 1;
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The limits set and not yet fired or cleared, in milliseconds. */
  waiting(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }

  /** Fires every pending timer, as if their time had passed. */
  runOut(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { callback } of due) callback();
  }
}
