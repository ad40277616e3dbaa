import { DateTime } from 'luxon';
import { SETTING_LABELS } from '../offers';
import { LONDON } from '../time/formatVisit';
import type { RequestDraft } from './draft';
import type { DayWindow } from './parseWhen';

const LENGTHS = { am: 'a morning', pm: 'an afternoon', full_day: 'a full day' } as const;
const DAY_NAMES = {
  mon: 'Mondays',
  tue: 'Tuesdays',
  wed: 'Wednesdays',
  thu: 'Thursdays',
  fri: 'Fridays',
  sat: 'Saturdays',
  sun: 'Sundays',
} as const;
const MAX_SHOWN = 70;

/**
 * One short line on what was understood from the first sentence, so a wrong guess can be put
 * right with one word: "I read: discharge team · Mon 7 Dec to Sun 13 Dec · a morning · why: to
 * learn how complex discharges are planned. Wrong? Say "change who", "change when" or "change why"."
 */
export function describeUnderstood(draft: RequestDraft): string | undefined {
  const parts: string[] = [];
  const fields: string[] = [];
  if (draft.what) {
    parts.push(shorten(draft.what));
    fields.push('who');
  }
  if (draft.window) {
    parts.push(draft.windowGuessed ? 'any day in the next 4 weeks' : describeWindow(draft.window));
    fields.push('when');
  }
  if (draft.length && draft.length !== 'custom') parts.push(LENGTHS[draft.length]);
  if (draft.length === 'custom' && draft.customTimes)
    parts.push(`${draft.customTimes.start}-${draft.customTimes.end}`);
  const settings = describeSettings(draft);
  if (settings) {
    parts.push(settings);
    fields.push('setting');
  }
  if (draft.purpose) {
    parts.push(`why: ${shorten(lowerFirst(draft.purpose))}`);
    fields.push('why');
  }
  if (parts.length === 0) return undefined;
  const words = fields.map((f) => `"change ${f}"`);
  const say = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  return `I read: ${parts.join(' · ')}.${say ? ` Wrong? Say ${say}.` : ''}`;
}

export function describeWindow(window: DayWindow): string {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: LONDON }).toFormat('ccc d LLL');
  const range = window.from === window.to ? day(window.from) : `${day(window.from)} to ${day(window.to)}`;
  if (!window.weekdays?.length) return range;
  const names = window.weekdays.map((d) => DAY_NAMES[d]);
  return `${names.join(' or ')}, ${range}`;
}

function describeSettings(draft: RequestDraft): string | undefined {
  if (draft.avoidSettings?.length)
    return `not ${draft.avoidSettings.map((s) => SETTING_LABELS[s].toLowerCase()).join(' or ')}`;
  if (draft.settings === undefined) return undefined;
  if (draft.settings.length === 0) return 'any setting';
  return `only ${draft.settings.map((s) => SETTING_LABELS[s].toLowerCase()).join(', ')}`;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
