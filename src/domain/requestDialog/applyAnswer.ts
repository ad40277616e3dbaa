import { checkFreeText } from '../text/checkFreeText';
import { LIMITS, type HostFinder } from './dialogTypes';
import type { DraftStep, RequestDraft } from './draft';
import { chooseHost, chooseSlot, type Applied } from './hostChoice';
import { parseWhen } from './parseWhen';
import { readLength, readSettings } from './readChoices';
import { checkObjectives, checkPurpose, readReasons } from './readReasons';
import { readSentence } from './readSentence';
import { readSettingWish } from './readSettingWish';

/** One typed answer or button value for the question being asked. Bad answers change nothing. */
export async function applyAnswer(
  draft: RequestDraft,
  step: DraftStep,
  value: string,
  isChoice: boolean,
  now: Date,
  finder: HostFinder,
): Promise<Applied> {
  switch (step) {
    case 'what':
      return applyWhat(draft, value, now);
    case 'reasons': {
      const read = readReasons(value);
      return 'problem' in read ? read : { draft: { ...draft, ...read } };
    }
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
 * to see how they check medicines") also fills in what else it says that is still missing.
 */
function applyWhat(draft: RequestDraft, value: string, now: Date): Applied {
  const checked = checkFreeText(value, {
    label: 'what or whom you would like to shadow',
    min: 2,
    max: LIMITS.what,
  });
  if (!checked.ok) return { problem: checked.problem };
  const { whenProblem: _ignored, ...reading } = readSentence(checked.value, now);
  const missing = Object.fromEntries(
    Object.entries(reading).filter(([key]) => draft[key as keyof RequestDraft] === undefined),
  );
  return { draft: { ...draft, ...missing, what: checked.value } };
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
