import { checkFreeText } from '../text/checkFreeText';
import { LIMITS, type DialogOptions, type HostFinder } from './dialogTypes';
import { readWithModel } from './modelReading';
import type { DraftStep, RequestDraft } from './draft';
import { chooseHost, chooseSlot, type Applied } from './hostChoice';
import { parseWhen } from './parseWhen';
import { readLength, readSettings } from './readChoices';
import { checkObjectives, checkPurpose, readReasons } from './readReasons';
import { readSettingWish } from './readSettingWish';

/** One typed answer or button value for the question being asked. Bad answers change nothing. */
export async function applyAnswer(
  draft: RequestDraft,
  step: DraftStep,
  value: string,
  isChoice: boolean,
  now: Date,
  finder: HostFinder,
  options: DialogOptions = {},
): Promise<Applied> {
  switch (step) {
    case 'what':
      return applyWhat(draft, value, now, options);
    case 'reasons':
      return applyReasons(draft, value, now, options);
    case 'purpose': {
      const checked = checkPurpose(value);
      return checked.ok ? { draft: { ...draft, purpose: checked.value } } : { problem: checked.problem };
    }
    case 'objectives': {
      const read = checkObjectives(value);
      return 'problem' in read ? read : { draft: { ...draft, objectives: read.objectives } };
    }
    case 'when': {
      const when = parseWhen(value, now);
      if (!when.ok) return { problem: when.reason };
      const length = when.part && !draft.length ? { length: when.part } : {};
      return { draft: { ...draft, window: when.window, windowGuessed: false, ...length } };
    }
    case 'length': {
      const length = readLength(value);
      return 'problem' in length
        ? length
        : { draft: { ...draft, length: length.length, customTimes: length.customTimes } };
    }
    case 'setting':
      return applySetting(draft, value);
    case 'host':
      return chooseHost(draft, value, isChoice, finder);
    case 'slot':
      return chooseSlot(draft, value, isChoice, now, finder);
    case 'summary':
      return { problem: 'Nothing to answer here.' };
  }
}

/**
 * Whom or what to shadow, kept as typed. A whole sentence typed here ("a pharmacist next week,
 * to see how they check medicines") also fills in what else it says that is still missing
 * (read by the language model too, when one is configured).
 */
async function applyWhat(
  draft: RequestDraft,
  value: string,
  now: Date,
  options: DialogOptions,
): Promise<Applied> {
  const checked = checkFreeText(value, {
    label: 'what or whom you would like to shadow',
    min: 2,
    max: LIMITS.what,
  });
  if (!checked.ok) return { problem: checked.problem };
  const read = await readWithModel(checked.value, now, options.model, options.timers);
  const { whenProblem: _ignored, ...reading } = read.reading;
  const missing = Object.fromEntries(
    Object.entries(reading).filter(([key]) => draft[key as keyof RequestDraft] === undefined),
  );
  return { draft: { ...draft, ...missing, what: checked.value } };
}

/**
 * Why and what to learn, typed as one answer. When no learning aim can be read from it and a
 * language model is configured, the model is asked for the aims in the person's words.
 */
async function applyReasons(
  draft: RequestDraft,
  value: string,
  now: Date,
  options: DialogOptions,
): Promise<Applied> {
  const read = readReasons(value);
  if ('problem' in read) return read;
  if (read.objectives?.length || !options.model) return { draft: { ...draft, ...read } };
  const { reading } = await readWithModel(value, now, options.model, options.timers);
  const objectives = reading.objectives?.length ? { objectives: reading.objectives } : {};
  return { draft: { ...draft, ...read, ...objectives } };
}

function applySetting(draft: RequestDraft, value: string): Applied {
  const wish = readSettingWish(value.toLowerCase());
  if (wish && 'avoidSettings' in wish)
    return { draft: { ...draft, settings: undefined, avoidSettings: wish.avoidSettings } };
  const settings = readSettings(value);
  return 'problem' in settings
    ? settings
    : { draft: { ...draft, settings: settings.settings, avoidSettings: undefined } };
}
