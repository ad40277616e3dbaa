import { checkFreeText } from '../text/checkFreeText';
import { readControlWord } from '../requestDialog/readChoices';
import {
  nextMissingOfferStep,
  startOfferDraft,
  type OfferDraft,
  type OfferField,
  type OfferStep,
} from './offerDraft';
import {
  readCapacityPair,
  readCount,
  readNone,
  readOfferSetting,
  readOpenTo,
  readProfession,
  readYesNo,
} from './readOfferChoices';
import { readSessions } from './readSessions';

export type OfferInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; field: OfferField; value: string }
  | { kind: 'control'; word: 'back' | 'cancel' | 'start_over' }
  | { kind: 'edit'; field: OfferField }
  | { kind: 'submit' };

export type OfferPrompt =
  | { kind: 'ask'; step: OfferField; problem?: string; note?: string }
  | { kind: 'summary'; problem?: string }
  | { kind: 'cancelled' }
  | { kind: 'submit' };

export interface OfferTurn {
  /** Undefined once the conversation is over (cancelled, or handed over to be saved). */
  draft: OfferDraft | undefined;
  prompt: OfferPrompt;
}

export const OFFER_LIMITS = {
  title: { min: 5, max: 100 },
  description: { min: 20, max: 1000 },
  department: { min: 2, max: 120 },
  prerequisites: { min: 2, max: 500 },
  meetingPoint: { min: 5, max: 300 },
  capacity: { min: 1, max: 20 },
} as const;

const SAVE_WORDS = /^(save|submit|done|publish|yes|confirm|save it|save offer|save changes|looks good)$/i;

/** Takes one answer, button or control word and says what to ask next. Bad answers change nothing. */
export function advanceOfferDraft(draft: OfferDraft, input: OfferInput, now: Date): OfferTurn {
  const control =
    input.kind === 'control' ? input.word : input.kind === 'text' ? readControlWord(input.text) : undefined;
  if (control === 'cancel') return { draft: undefined, prompt: { kind: 'cancelled' } };
  if (control === 'start_over') return startOver(draft, now);
  if (control === 'back') return goBack(draft);
  if (input.kind === 'edit') {
    return {
      draft: { ...draft, step: input.field, editing: true, trail: [...draft.trail, draft.step] },
      prompt: { kind: 'ask', step: input.field },
    };
  }
  const wantsSave =
    input.kind === 'submit' ||
    (input.kind === 'text' && draft.step === 'summary' && SAVE_WORDS.test(input.text.trim()));
  if (wantsSave) return submit(draft);
  if (draft.step === 'summary') {
    return {
      draft,
      prompt: {
        kind: 'summary',
        problem: 'Use the buttons to change something or save the offer, or say "cancel".',
      },
    };
  }
  if (input.kind === 'choice' && input.field !== draft.step) {
    return {
      draft,
      prompt: {
        kind: 'ask',
        step: draft.step,
        problem: 'That button was for an earlier question. Here is where we are now.',
      },
    };
  }
  const value = input.kind === 'text' ? input.text : input.kind === 'choice' ? input.value : '';
  const applied = applyAnswer(draft, draft.step, value);
  if ('problem' in applied)
    return { draft, prompt: { kind: 'ask', step: draft.step, problem: applied.problem } };
  if ('redirect' in applied) return applied.redirect;
  return moveOn({ ...applied.draft, editing: false, trail: [...draft.trail, draft.step] });
}

type Applied = { draft: OfferDraft } | { problem: string } | { redirect: OfferTurn };

function checked(
  draft: OfferDraft,
  field: 'title' | 'description' | 'department' | 'prerequisites' | 'meetingPoint',
  value: string,
  label: string,
): Applied {
  const limits = OFFER_LIMITS[field];
  const result = checkFreeText(value, { label, min: limits.min, max: limits.max });
  return result.ok ? { draft: { ...draft, [field]: result.value } } : { problem: result.problem };
}

function applyAnswer(draft: OfferDraft, step: OfferField, value: string): Applied {
  switch (step) {
    case 'title':
      return checked(draft, 'title', value, 'the title');
    case 'description':
      return checked(draft, 'description', value, 'what a visitor will see and learn');
    case 'profession': {
      const read = readProfession(value);
      return 'problem' in read ? read : { draft: { ...draft, profession: read.profession } };
    }
    case 'department':
      return checked(draft, 'department', value, 'your department or team');
    case 'setting': {
      const read = readOfferSetting(value);
      return 'problem' in read
        ? read
        : {
            draft: {
              ...draft,
              setting: read.setting,
              inductionAccepted: draft.setting === read.setting ? draft.inductionAccepted : false,
            },
          };
    }
    case 'induction':
      return answerInduction(draft, value);
    case 'sessions': {
      const read = readSessions(value);
      return 'problem' in read ? read : { draft: { ...draft, sessions: read.sessions } };
    }
    case 'perWeek':
      return answerPerWeek(draft, value);
    case 'perMonth':
      return answerPerMonth(draft, value);
    case 'openTo': {
      const read = readOpenTo(value);
      return 'problem' in read ? read : { draft: { ...draft, openTo: read.openTo } };
    }
    case 'prerequisites':
      return readNone(value)
        ? { draft: { ...draft, prerequisites: '' } }
        : checked(draft, 'prerequisites', value, 'what visitors need beforehand');
    case 'meetingPoint':
      return checked(draft, 'meetingPoint', value, 'where to meet');
  }
}

function answerInduction(draft: OfferDraft, value: string): Applied {
  const yes = readYesNo(value);
  if (yes === undefined) return { problem: 'Please answer "yes, I will arrange the induction" or "no".' };
  if (yes) return { draft: { ...draft, inductionAccepted: true } };
  const back: OfferDraft = {
    ...draft,
    step: 'setting',
    setting: undefined,
    inductionAccepted: false,
    trail: draft.trail.filter((s) => s !== 'setting'),
  };
  return {
    redirect: {
      draft: back,
      prompt: {
        kind: 'ask',
        step: 'setting',
        note: 'Visitors can only come to a ward, theatre, A&E or critical care if you arrange an induction. Please choose a lower-risk setting, such as a clinic, office or meeting.',
      },
    },
  };
}

const CAPACITY = OFFER_LIMITS.capacity;
const CAPACITY_RANGE = `a whole number from ${CAPACITY.min} to ${CAPACITY.max}`;

function checkCapacity(n: number | undefined, label: string): number | { problem: string } {
  if (n === undefined || !Number.isInteger(n))
    return { problem: `Please give ${label} as ${CAPACITY_RANGE}, such as "2".` };
  if (n < CAPACITY.min || n > CAPACITY.max)
    return {
      problem: `${label[0]?.toUpperCase()}${label.slice(1)} must be ${CAPACITY_RANGE}; you said ${n}.`,
    };
  return n;
}

function answerPerWeek(draft: OfferDraft, value: string): Applied {
  const pair = readCapacityPair(value);
  const perWeek = checkCapacity(pair?.perWeek ?? readCount(value), 'visitors a week');
  if (typeof perWeek !== 'number') return perWeek;
  if (!pair) return { draft: { ...draft, capacityPerWeek: perWeek } };
  const perMonth = checkCapacity(pair.perMonth, 'visitors a month');
  if (typeof perMonth !== 'number') return perMonth;
  if (perMonth < perWeek) return { problem: monthBelowWeek(perWeek, perMonth) };
  return { draft: { ...draft, capacityPerWeek: perWeek, capacityPerMonth: perMonth } };
}

function answerPerMonth(draft: OfferDraft, value: string): Applied {
  const perMonth = checkCapacity(readCount(value), 'visitors a month');
  if (typeof perMonth !== 'number') return perMonth;
  const perWeek = draft.capacityPerWeek ?? CAPACITY.min;
  if (perMonth < perWeek) return { problem: monthBelowWeek(perWeek, perMonth) };
  return { draft: { ...draft, capacityPerMonth: perMonth } };
}

function monthBelowWeek(perWeek: number, perMonth: number): string {
  return `You said ${perWeek} a week, so the month needs at least ${perWeek}, not ${perMonth}. Give a bigger number, or say "back" to change the week.`;
}

/** Asks the first question still open; a month figure left below a changed week is asked again. */
function moveOn(draft: OfferDraft): OfferTurn {
  const step = nextMissingOfferStep(draft);
  if (step === 'summary') return { draft: { ...draft, step }, prompt: { kind: 'summary' } };
  const stale = step === 'perMonth' && draft.capacityPerMonth !== undefined;
  const note = stale
    ? `You now offer ${draft.capacityPerWeek} a week, so the month needs at least ${draft.capacityPerWeek}. Please give it again.`
    : undefined;
  return { draft: { ...draft, step }, prompt: { kind: 'ask', step, ...(note ? { note } : {}) } };
}

function submit(draft: OfferDraft): OfferTurn {
  const missing = nextMissingOfferStep(draft);
  if (draft.step === 'summary' && missing === 'summary')
    return { draft: undefined, prompt: { kind: 'submit' } };
  const step = missing === 'summary' ? draft.step : missing;
  if (step === 'summary') return { draft, prompt: { kind: 'summary' } };
  return {
    draft: { ...draft, step },
    prompt: { kind: 'ask', step, problem: 'There is still something to answer first.' },
  };
}

function startOver(draft: OfferDraft, now: Date): OfferTurn {
  const fresh = {
    ...startOfferDraft(draft.defaults, now),
    ...(draft.offerId ? { offerId: draft.offerId } : {}),
  };
  const note = draft.offerId
    ? 'Starting again. Your saved offer stays as it was until you save.'
    : 'Starting again.';
  return { draft: fresh, prompt: { kind: 'ask', step: 'title', note } };
}

function goBack(draft: OfferDraft): OfferTurn {
  const previous: OfferStep | undefined = draft.trail[draft.trail.length - 1];
  if (!previous) {
    return draft.step === 'summary'
      ? {
          draft,
          prompt: {
            kind: 'summary',
            problem: 'There is nothing before this. Use a Change button, or say "cancel".',
          },
        }
      : { draft, prompt: { kind: 'ask', step: draft.step, note: 'This is the first question.' } };
  }
  const back: OfferDraft = { ...draft, step: previous, trail: draft.trail.slice(0, -1), editing: false };
  return {
    draft: back,
    prompt: previous === 'summary' ? { kind: 'summary' } : { kind: 'ask', step: previous },
  };
}
