import { DateTime } from 'luxon';
import { LONDON } from '../time/formatVisit';
import type { DialogTurn, HostFinder, Prompt } from './dialogTypes';
import type { DraftStep, RequestDraft } from './draft';

/** Without dates, the next four weeks are searched, from tomorrow. */
export const GUESSED_WINDOW_DAYS = 28;

const NO_HOSTS =
  'I could not find a host with a free place that suits both of you then. Try a wider window, such as "next month", or say "any setting".';

/**
 * The next thing to ask. Only what, why and what to learn are questions; dates, length and
 * setting come from the first sentence or sensible defaults, and the host and time are one choice.
 */
export function nextMissing(draft: RequestDraft): DraftStep {
  if (!draft.what) return 'what';
  if (!draft.purpose && !draft.objectives?.length) return 'reasons';
  if (!draft.purpose) return 'purpose';
  if (!draft.objectives?.length) return 'objectives';
  if (!draft.chosen) return 'host';
  if (!draft.slot) return 'slot';
  return 'summary';
}

/** Moves to the next question; the host list is searched afresh whenever it is reached. */
export async function moveOn(
  draft: RequestDraft,
  finder: HostFinder,
  now: Date,
  extra: { note?: string; understood?: string } = {},
): Promise<DialogTurn> {
  const step = nextMissing(draft);
  const shown = withDefined(extra);
  if (step === 'host') {
    const searched = draft.window ? draft : { ...draft, window: guessedWindow(now), windowGuessed: true };
    const options = await finder.findHosts(searched);
    if (options.length === 0) {
      return {
        draft: { ...searched, step: 'when', hostOptions: undefined, hostPage: 0 },
        prompt: { kind: 'ask', step: 'when', problem: NO_HOSTS, ...shown },
      };
    }
    return {
      draft: { ...searched, step, hostOptions: options, hostPage: 0 },
      prompt: { kind: 'ask', step, ...shown },
    };
  }
  const prompt: Prompt = step === 'summary' ? { kind: 'summary', ...shown } : { kind: 'ask', step, ...shown };
  return { draft: { ...draft, step }, prompt };
}

export function guessedWindow(now: Date): { from: string; to: string } {
  const tomorrow = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day').plus({ days: 1 });
  return {
    from: tomorrow.toISODate() as string,
    to: tomorrow.plus({ days: GUESSED_WINDOW_DAYS - 1 }).toISODate() as string,
  };
}

function withDefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
