import type { DraftField, DraftStep, HostOption, RequestDraft, SlotOption } from './draft';
import type { SentenceModel, Timers } from './modelReading';
import type { DayPart } from './parseWhen';

export type DraftInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; field: DraftField; value: string }
  | { kind: 'reasons'; purpose: string; objectives: string }
  | { kind: 'pick'; offerId: string; start: string }
  | { kind: 'more_hosts' }
  | { kind: 'control'; word: 'back' | 'cancel' | 'start_over' }
  | { kind: 'edit'; field: DraftField }
  | { kind: 'submit' };

export type AskStep = Exclude<DraftStep, 'summary'>;

export type Prompt =
  | {
      kind: 'ask';
      step: AskStep;
      problem?: string;
      note?: string;
      /** One line on what the first sentence was read as, shown once. */
      understood?: string;
    }
  | { kind: 'summary'; problem?: string; note?: string; understood?: string }
  | { kind: 'cancelled' }
  | { kind: 'submit' };

export interface DialogTurn {
  /** Undefined once the conversation is over (cancelled or handed over for submission). */
  draft: RequestDraft | undefined;
  prompt: Prompt;
}

/** An optional language model for free text, and the timers its time limit runs on. */
export interface DialogOptions {
  model?: SentenceModel;
  timers?: Timers;
}

/** What the conversation needs from the rest of the system: hosts, their times, and slot checks. */
export interface HostFinder {
  /** Hosts with clash-free times in the draft's window, best first, each with its next few times. */
  findHosts(draft: RequestDraft): Promise<HostOption[]>;
  /** More clash-free times with one host, for "other times". */
  findTimes(draft: RequestDraft, offerId: string): Promise<SlotOption[]>;
  /**
   * Checks a time typed for the chosen host. A time in the visitor's rostered work is allowed: the
   * manager is asked to release them; `label` and `basis` say so.
   */
  checkSlot(
    draft: RequestDraft,
    slot: { start: string; end: string },
  ): Promise<{ ok: boolean; problems: string[]; warnings: string[]; label?: string; basis?: string }>;
  /**
   * The chosen host's session of the draft's length on a London date, if they hold one then; for a
   * draft of no length, their morning or else their afternoon, with the part it is.
   */
  sessionOn?(
    draft: RequestDraft,
    date: string,
  ): Promise<{ start: string; end: string; part: DayPart } | undefined>;
}

export const LIMITS = { what: 200, purpose: 500, objectives: 1000, objectiveCount: 5 } as const;
/** Hosts shown at once; "other hosts" shows the next ones. */
export const HOSTS_PER_PAGE = 3;
