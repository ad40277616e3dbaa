import { stripHiddenCharacters } from '../text/hiddenCharacters';
import { findPatientData, patientDataRefusal } from '../text/patientData';
import { applyAnswer } from './applyAnswer';
import { checkTypedAnswer } from './checkTypedAnswer';
import { describeUnderstood } from './describeUnderstood';
import { isMoreHostsRequest, readChangeWord, readSettingCommand } from './dialogWords';
import type { AskStep, DialogOptions, DialogTurn, DraftInput, HostFinder, Prompt } from './dialogTypes';
import { newDraft, type DraftField, type DraftStep, type RequestDraft } from './draft';
import { pickHostAndTime, showMoreHosts } from './hostChoice';
import { moveOn, nextMissing } from './moveOn';
import { readControlWord } from './readChoices';
import { checkObjectives, checkPurpose } from './readReasons';
import { readWithModel } from './modelReading';
import { readSentence } from './readSentence';
import { MAX_SENTENCE } from './sentenceLimits';
import type { SettingWish } from './readSettingWish';

export type { AskStep, DialogOptions, DialogTurn, DraftInput, HostFinder, Prompt } from './dialogTypes';
export { LIMITS } from './dialogTypes';

export { MAX_SENTENCE } from './sentenceLimits';

/**
 * Starts a request, keeping whatever the opening sentence already said, and says in one line
 * what was understood. A date that cannot be used is asked for again at once, saying why.
 */
export async function startDraft(
  sentence: string,
  now: Date,
  finder: HostFinder,
  options: DialogOptions = {},
): Promise<DialogTurn> {
  const refusal = refuseSentence(sentence);
  if (refusal) return { draft: newDraft(now), prompt: { kind: 'ask', step: 'what', problem: refusal } };
  // Whatever is kept from the sentence (whom, why, what to learn) is kept without hidden characters.
  const read = await readWithModel(stripHiddenCharacters(sentence), now, options.model, options.timers);
  const { whenProblem, ...reading } = read.reading;
  const draft: RequestDraft = { ...newDraft(now), ...reading };
  if (whenProblem)
    return { draft: { ...draft, step: 'when' }, prompt: { kind: 'ask', step: 'when', problem: whenProblem } };
  const turn = await moveOn(draft, finder, now);
  const understood = turn.draft && describeUnderstood(turn.draft);
  return understood ? { ...turn, prompt: { ...turn.prompt, understood } as Prompt } : turn;
}

function refuseSentence(sentence: string): string | undefined {
  if (sentence.length > MAX_SENTENCE)
    return `That message is ${sentence.length} characters long. Please tell me in a sentence or two whom you would like to shadow and why.`;
  const patient = findPatientData(sentence);
  return patient ? patientDataRefusal(patient) : undefined;
}

/** Takes one answer, button or control word and says what to ask next. Bad answers change nothing. */
export async function advanceDraft(
  draft: RequestDraft,
  input: DraftInput,
  now: Date,
  finder: HostFinder,
  options: DialogOptions = {},
): Promise<DialogTurn> {
  const text = input.kind === 'text' ? input.text : undefined;
  const control =
    input.kind === 'control' ? input.word : text !== undefined ? readControlWord(text) : undefined;
  if (control === 'cancel') return { draft: undefined, prompt: { kind: 'cancelled' } };
  if (control === 'start_over')
    return { draft: newDraft(now), prompt: { kind: 'ask', step: 'what', note: 'Starting again.' } };
  if (control === 'back') return goBack(draft);
  const change = input.kind === 'edit' ? input.field : text !== undefined ? readChangeWord(text) : undefined;
  if (change) return edit(draft, change);
  if (input.kind === 'submit') return submit(draft);
  // Whatever the question, typed patient details are refused by name (even where the answer would not be kept).
  const patient = text !== undefined ? findPatientData(text) : undefined;
  if (patient) return settle(draft, { problem: patientDataRefusal(patient) }, finder, now);
  const wish = text !== undefined ? readSettingCommand(text) : undefined;
  if (wish) return applySettingWish(draft, wish, finder, now);
  if (
    input.kind === 'more_hosts' ||
    (text !== undefined && draft.step === 'host' && isMoreHostsRequest(text))
  )
    return settle(draft, showMoreHosts(draft), finder, now, 'host');
  if (input.kind === 'pick')
    return settle(draft, pickHostAndTime(draft, input.offerId, input.start), finder, now);
  if (draft.step === 'summary') {
    return {
      draft,
      prompt: {
        kind: 'summary',
        problem: 'Use the buttons to change something or send the request, or say "cancel".',
      },
    };
  }
  if (draft.step === 'when' && text !== undefined) {
    const sentence = await answerAsSentence(draft, text, now, finder, options);
    if (sentence) return sentence;
  }
  const typed = typedAnswer(draft.step, input);
  const refused = typed === undefined ? undefined : checkTypedAnswer(typed);
  if (refused) return settle(draft, { problem: refused }, finder, now);
  if (input.kind === 'reasons') return settle(draft, applyReasons(draft, input), finder, now);
  const value = text ?? (input.kind === 'choice' ? input.value : '');
  const applied = await applyAnswer(draft, draft.step, value, input.kind === 'choice', now, finder, options);
  return settle(draft, applied, finder, now);
}

const NEW_SENTENCE_NOTE = 'I have read that as your request, in place of the one before.';

/**
 * An answer to the date question that is itself a request, not just a date. One naming whom or
 * what to shadow ("I'd like to shadow a pharmacist next Tuesday to learn about discharge
 * medicines") is read as a new first sentence for the same request, and the reply says so; one
 * giving what to learn ("next Tuesday, I want to learn how discharges are planned") fills in
 * what it says beside the whom already given. Either must also give a date or a reason of its own.
 * Plain date answers give undefined.
 */
async function answerAsSentence(
  draft: RequestDraft,
  text: string,
  now: Date,
  finder: HostFinder,
  options: DialogOptions,
): Promise<DialogTurn | undefined> {
  const named = readSentence(text, now);
  if (!named.what && !named.objectives?.length) return undefined;
  const refused = checkTypedAnswer(text);
  if (refused) return settle(draft, { problem: refused }, finder, now);
  // A request carries a date or a reason of its own; a stray word the reader takes for a team
  // ("OR" in a pasted query) does not make an unreadable date answer into a new request.
  if (!named.window && !named.purpose) return undefined;
  if (named.what) {
    const turn = await startDraft(text, now, finder, options);
    const kept = turn.draft && (draft.id ? { ...turn.draft, id: draft.id } : turn.draft);
    const prompt = turn.prompt.kind === 'ask' ? { ...turn.prompt, note: NEW_SENTENCE_NOTE } : turn.prompt;
    return { draft: kept, prompt };
  }
  const read = await readWithModel(stripHiddenCharacters(text), now, options.model, options.timers);
  const { whenProblem, ...reading } = read.reading;
  const filled: RequestDraft = {
    ...clearDependants(draft, 'when'),
    ...reading,
    ...(reading.window ? { windowGuessed: false } : {}),
    what: draft.what,
    editing: false,
  };
  if (whenProblem) return { draft: filled, prompt: { kind: 'ask', step: 'when', problem: whenProblem } };
  const understood = describeUnderstood(filled);
  return moveOn(filled, finder, now, understood ? { understood } : {});
}

/** Steps answered in the person's own words, which are kept and shown to others. */
const FREE_TEXT_STEPS: ReadonlySet<DraftStep> = new Set(['what', 'reasons', 'purpose', 'objectives']);

/** The words typed for a question answered in free text; undefined for buttons and other steps. */
function typedAnswer(step: DraftStep, input: DraftInput): string | undefined {
  if (input.kind === 'reasons') return `${input.purpose}\n${input.objectives}`;
  return input.kind === 'text' && FREE_TEXT_STEPS.has(step) ? input.text : undefined;
}

/** After an answer: on a problem, the same question again; otherwise on to the next one. */
async function settle(
  draft: RequestDraft,
  applied: { draft: RequestDraft } | { problem: string },
  finder: HostFinder,
  now: Date,
  stay?: DraftStep,
): Promise<DialogTurn> {
  if ('problem' in applied) return { draft, prompt: promptFor(draft.step, applied.problem) };
  if (stay) return { draft: applied.draft, prompt: promptFor(stay) };
  const edited = draft.editing ? clearDependants(applied.draft, draft.step) : applied.draft;
  return moveOn({ ...edited, editing: false, trail: [...draft.trail, draft.step] }, finder, now);
}

function applyReasons(
  draft: RequestDraft,
  input: Extract<DraftInput, { kind: 'reasons' }>,
): { draft: RequestDraft } | { problem: string } {
  if (!['reasons', 'purpose', 'objectives'].includes(draft.step))
    return { problem: 'That question has already been answered.' };
  const purpose = checkPurpose(input.purpose);
  if (!purpose.ok) return { problem: purpose.problem };
  const objectives = checkObjectives(input.objectives);
  if ('problem' in objectives) return objectives;
  return { draft: { ...draft, purpose: purpose.value, objectives: objectives.objectives } };
}

function submit(draft: RequestDraft): DialogTurn {
  if (draft.step === 'summary' && nextMissing(draft) === 'summary')
    return { draft: undefined, prompt: { kind: 'submit' } };
  const step = nextMissing(draft);
  return {
    draft,
    prompt:
      step === 'summary'
        ? { kind: 'summary', problem: 'There is still something to answer first.' }
        : { kind: 'ask', step: step as AskStep, problem: 'There is still something to answer first.' },
  };
}

function edit(draft: RequestDraft, field: DraftField): DialogTurn {
  if (field === 'slot' && !draft.chosen) return edit(draft, 'host');
  if (field === 'host' && !draft.hostOptions?.length) return edit(draft, 'when');
  return {
    draft: { ...draft, step: field, editing: true, trail: [...draft.trail, draft.step] },
    prompt: promptFor(field),
  };
}

/** "only clinics", "any setting", "not theatres": at any step; hosts already found are looked for again. */
async function applySettingWish(
  draft: RequestDraft,
  wish: SettingWish,
  finder: HostFinder,
  now: Date,
): Promise<DialogTurn> {
  const changed: RequestDraft = {
    ...clearDependants(draft, 'setting'),
    settings: 'settings' in wish ? wish.settings : undefined,
    avoidSettings: 'avoidSettings' in wish ? wish.avoidSettings : undefined,
    editing: false,
  };
  const note = `Settings changed: ${describeUnderstood({ ...newDraft(now), settings: changed.settings, avoidSettings: changed.avoidSettings })?.replace(/^I read: |\. Wrong\?.*$/g, '')}.`;
  if (['host', 'slot', 'summary', 'setting'].includes(draft.step))
    return moveOn(changed, finder, now, { note });
  return { draft: changed, prompt: { ...promptFor(draft.step), note } as Prompt };
}

/** After changing an answer that decides the hosts, the hosts and times are looked for again. */
function clearDependants(draft: RequestDraft, step: DraftStep): RequestDraft {
  if (['what', 'when', 'length', 'setting'].includes(step)) {
    return {
      ...draft,
      chosen: undefined,
      hostOptions: undefined,
      hostPage: 0,
      slotOptions: undefined,
      slot: undefined,
    };
  }
  return draft;
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
      prompt: { kind: 'ask', step: draft.step as AskStep, note: 'This is the first question.' },
    };
  const back: RequestDraft = { ...draft, step: previous, trail: draft.trail.slice(0, -1), editing: false };
  return { draft: back, prompt: promptFor(previous) };
}
