import { checkAnswerText, splitObjectives } from './checkAnswerText';
import {
  newDraft,
  type DraftField,
  type DraftStep,
  type HostOption,
  type RequestDraft,
  type SlotOption,
} from './draft';
import { parseWhen } from './parseWhen';
import { readControlWord, readLength, readNumberChoice, readSettings } from './readChoices';
import { readSentence } from './readSentence';
import { checkSlotForDay } from './slotForDay';

export type DraftInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; field: DraftField; value: string }
  | { kind: 'control'; word: 'back' | 'cancel' | 'start_over' }
  | { kind: 'edit'; field: DraftField }
  | { kind: 'submit' };

export type Prompt =
  | { kind: 'ask'; step: Exclude<DraftStep, 'summary'>; problem?: string; note?: string }
  | { kind: 'summary'; problem?: string }
  | { kind: 'cancelled' }
  | { kind: 'submit' };

export interface DialogTurn {
  /** Undefined once the conversation is over (cancelled or handed over for submission). */
  draft: RequestDraft | undefined;
  prompt: Prompt;
}

/** What the conversation needs from the rest of the system: hosts and slot checks. */
export interface HostFinder {
  findHosts(draft: RequestDraft): Promise<HostOption[]>;
  checkSlot(
    draft: RequestDraft,
    slot: { start: string; end: string },
  ): Promise<{ ok: boolean; problems: string[]; warnings: string[] }>;
}

export const LIMITS = { what: 200, purpose: 500, objectives: 1000, objectiveCount: 5 } as const;

/** Starts a request, keeping whatever the opening sentence already said. */
export async function startDraft(sentence: string, now: Date, finder: HostFinder): Promise<DialogTurn> {
  const draft = { ...newDraft(now), ...readSentence(sentence, now) };
  return moveOn(draft, finder);
}

/** Takes one answer, button or control word and says what to ask next. Bad answers change nothing. */
export async function advanceDraft(
  draft: RequestDraft,
  input: DraftInput,
  now: Date,
  finder: HostFinder,
): Promise<DialogTurn> {
  const control =
    input.kind === 'control' ? input.word : input.kind === 'text' ? readControlWord(input.text) : undefined;
  if (control === 'cancel') return { draft: undefined, prompt: { kind: 'cancelled' } };
  if (control === 'start_over')
    return { draft: newDraft(now), prompt: { kind: 'ask', step: 'what', note: 'Starting again.' } };
  if (control === 'back') return goBack(draft);
  if (input.kind === 'edit')
    return {
      draft: { ...draft, step: input.field, editing: true, trail: [...draft.trail, draft.step] },
      prompt: promptFor(input.field),
    };
  if (input.kind === 'submit') {
    return draft.step === 'summary' && nextMissing(draft) === 'summary'
      ? { draft: undefined, prompt: { kind: 'submit' } }
      : {
          draft,
          prompt: {
            kind: 'ask',
            step: nextMissing(draft) as Exclude<DraftStep, 'summary'>,
            problem: 'There is still something to answer first.',
          },
        };
  }
  if (draft.step === 'summary') {
    return {
      draft,
      prompt: {
        kind: 'summary',
        problem: 'Use the buttons to change something or send the request, or say "cancel".',
      },
    };
  }
  const value = input.kind === 'text' ? input.text : input.kind === 'choice' ? input.value : '';
  const applied = await applyAnswer(draft, draft.step, value, input.kind === 'choice', now, finder);
  if ('problem' in applied) return { draft, prompt: promptFor(draft.step, applied.problem) };
  const edited = draft.editing ? clearDependants(applied.draft, draft.step) : applied.draft;
  return moveOn({ ...edited, editing: false, trail: [...draft.trail, draft.step] }, finder);
}

type Applied = { draft: RequestDraft } | { problem: string };

async function applyAnswer(
  draft: RequestDraft,
  step: DraftStep,
  value: string,
  isChoice: boolean,
  now: Date,
  finder: HostFinder,
): Promise<Applied> {
  switch (step) {
    case 'what': {
      const checked = checkAnswerText(value, {
        label: 'what or whom you would like to shadow',
        min: 2,
        max: LIMITS.what,
      });
      return checked.ok ? { draft: { ...draft, what: checked.value } } : { problem: checked.problem };
    }
    case 'purpose': {
      const checked = checkAnswerText(value, { label: 'why you want to go', min: 10, max: LIMITS.purpose });
      return checked.ok ? { draft: { ...draft, purpose: checked.value } } : { problem: checked.problem };
    }
    case 'objectives':
      return readObjectives(draft, value);
    case 'when': {
      const when = parseWhen(value, now);
      if (!when.ok) return { problem: when.reason };
      return {
        draft: {
          ...draft,
          window: when.window,
          ...(when.part && !draft.length ? { length: when.part } : {}),
        },
      };
    }
    case 'length': {
      const length = readLength(value);
      return 'problem' in length
        ? length
        : { draft: { ...draft, length: length.length, customTimes: length.customTimes } };
    }
    case 'setting': {
      const settings = readSettings(value);
      return 'problem' in settings ? settings : { draft: { ...draft, settings: settings.settings } };
    }
    case 'host':
      return chooseHost(draft, value, isChoice);
    case 'slot':
      return chooseSlot(draft, value, isChoice, now, finder);
    case 'summary':
      return { problem: 'Nothing to answer here.' };
  }
}

function readObjectives(draft: RequestDraft, value: string): Applied {
  const checked = checkAnswerText(value.replace(/\r/g, ''), {
    label: 'what you want to learn',
    min: 10,
    max: LIMITS.objectives,
  });
  if (!checked.ok) return { problem: checked.problem };
  const objectives = splitObjectives(value).map((o) =>
    checkAnswerText(o, { label: 'each objective', max: 300 }),
  );
  const bad = objectives.find((o) => !o.ok);
  if (bad && !bad.ok) return { problem: bad.problem };
  const list = objectives.flatMap((o) => (o.ok ? [o.value] : []));
  if (list.length > LIMITS.objectiveCount)
    return {
      problem: `Please pick your ${LIMITS.objectiveCount} most important objectives; you gave ${list.length}.`,
    };
  return { draft: { ...draft, objectives: list } };
}

function chooseHost(draft: RequestDraft, value: string, isChoice: boolean): Applied {
  const options = draft.hostOptions ?? [];
  const index = isChoice
    ? options.findIndex((o) => o.offerId === value)
    : (readNumberChoice(value, options.length) ?? -1);
  const option = options[index];
  if (!option)
    return {
      problem: `Please choose one of the ${options.length} hosts by its button or number, or say "back" to change your answers.`,
    };
  const { offerId, hostId, title, hostName, setting, sensitive } = option;
  return {
    draft: {
      ...draft,
      chosen: { offerId, hostId, title, hostName, setting, sensitive },
      slotOptions: option.slots,
      slot: undefined,
    },
  };
}

async function chooseSlot(
  draft: RequestDraft,
  value: string,
  isChoice: boolean,
  now: Date,
  finder: HostFinder,
): Promise<Applied> {
  const options = draft.slotOptions ?? [];
  const picked: SlotOption | undefined = isChoice
    ? options.find((o) => o.start === value)
    : options[readNumberChoice(value, options.length) ?? -1];
  if (picked) return { draft: { ...draft, slot: { start: picked.start, end: picked.end } } };
  if (isChoice) return { problem: 'That time is no longer offered. Please choose one of the times shown.' };
  const when = parseWhen(value, now);
  if (!when.ok) return { problem: `${when.reason} Or pick one of the times shown by its number.` };
  if (when.window.from !== when.window.to)
    return { problem: 'Please give one day, such as "Tue 1 Dec", or pick one of the times shown.' };
  const day = checkSlotForDay(when.window.from, draft.length ?? 'am', draft.customTimes);
  if (!day.ok) return { problem: `${day.problem} Or pick one of the times shown by its number.` };
  const slot = { start: day.start, end: day.end };
  const check = await finder.checkSlot(draft, slot);
  if (!check.ok) return { problem: `That time does not work: ${check.problems.join(' ')}` };
  return { draft: { ...draft, slot } };
}

/** After changing an answer from the summary, later choices that depended on it are asked again. */
function clearDependants(draft: RequestDraft, step: DraftStep): RequestDraft {
  if (['what', 'when', 'length', 'setting'].includes(step)) {
    return { ...draft, chosen: undefined, hostOptions: undefined, slotOptions: undefined, slot: undefined };
  }
  return draft;
}

function nextMissing(draft: RequestDraft): DraftStep {
  if (!draft.what) return 'what';
  if (!draft.purpose) return 'purpose';
  if (!draft.objectives?.length) return 'objectives';
  if (!draft.window) return 'when';
  if (!draft.length) return 'length';
  if (!draft.settings) return 'setting';
  if (!draft.chosen) return 'host';
  if (!draft.slot) return 'slot';
  return 'summary';
}

async function moveOn(draft: RequestDraft, finder: HostFinder): Promise<DialogTurn> {
  const step = nextMissing(draft);
  if (step === 'host') {
    const options = await finder.findHosts(draft);
    if (options.length === 0) {
      return {
        draft: { ...draft, step: 'when', window: undefined, hostOptions: undefined },
        prompt: {
          kind: 'ask',
          step: 'when',
          problem:
            'I could not find a host with a free place that suits both of you then. Try a wider window, such as "next month", or say "back" to change the setting.',
        },
      };
    }
    return { draft: { ...draft, step, hostOptions: options }, prompt: { kind: 'ask', step } };
  }
  return {
    draft: { ...draft, step },
    prompt: step === 'summary' ? { kind: 'summary' } : { kind: 'ask', step },
  };
}

function promptFor(step: DraftStep, problem?: string): Prompt {
  if (step === 'summary') return { kind: 'summary', ...(problem ? { problem } : {}) };
  return { kind: 'ask', step, ...(problem ? { problem } : {}) };
}

function goBack(draft: RequestDraft): DialogTurn {
  const previous = draft.trail[draft.trail.length - 1];
  if (!previous)
    return {
      draft,
      prompt: {
        kind: 'ask',
        step: draft.step as Exclude<DraftStep, 'summary'>,
        note: 'This is the first question.',
      },
    };
  const back: RequestDraft = { ...draft, step: previous, trail: draft.trail.slice(0, -1), editing: false };
  return {
    draft: back,
    prompt: previous === 'summary' ? { kind: 'summary' } : { kind: 'ask', step: previous },
  };
}
