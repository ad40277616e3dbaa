import type { TextOutput } from '../cliContext';

export interface Progress {
  /** Moves the bar on by `steps`. */
  advance(steps?: number): void;
  /** Draws the bar full and ends its line. */
  finish(): void;
}

const WIDTH = 30;
/** Smaller jobs finish before a bar would be worth drawing. */
export const PROGRESS_THRESHOLD = 2_000;

/** A bar that draws nothing: for small jobs, and when the output is not a terminal. */
export const NO_PROGRESS: Progress = { advance: () => undefined, finish: () => undefined };

/**
 * A one-line textual progress bar, redrawn in place with a carriage return at most once per
 * percent: "Writing rota months [#########.....................]  31% (3,100/10,000)".
 */
export function createProgressBar(out: TextOutput, label: string, total: number): Progress {
  let done = 0;
  let drawnPercent = -1;
  const draw = () => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === drawnPercent) return;
    drawnPercent = percent;
    const filled = Math.round((percent / 100) * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    out.write(
      `\r${label} [${bar}] ${String(percent).padStart(3)}% (${formatCount(done)}/${formatCount(total)})`,
    );
  };
  return {
    advance(steps = 1) {
      done = Math.min(total, done + steps);
      draw();
    },
    finish() {
      done = total;
      draw();
      out.write('\n');
    },
  };
}

/** A bar only when someone is watching (a terminal) and the job is large. */
export function chooseProgress(
  out: TextOutput & { isTTY?: boolean },
  label: string,
  total: number,
): Progress {
  return out.isTTY === true && total >= PROGRESS_THRESHOLD
    ? createProgressBar(out, label, total)
    : NO_PROGRESS;
}

/** 1234 as "1,234", the way the summaries print counts. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}
