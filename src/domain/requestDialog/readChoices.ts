import type { Setting } from '../offers';
import type { CustomTimes, VisitLengthChoice } from './draft';

export type ControlWord = 'back' | 'cancel' | 'start_over';

export function readControlWord(text: string): ControlWord | undefined {
  const t = text
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(back|go back|undo|previous)$/.test(t)) return 'back';
  if (/^(cancel|stop|quit|exit|never mind|nevermind|cancel request)$/.test(t)) return 'cancel';
  if (/^(start over|start again|restart|begin again)$/.test(t)) return 'start_over';
  return undefined;
}

export type LengthReading = { length: VisitLengthChoice; customTimes?: CustomTimes } | { problem: string };

const LENGTH_HELP =
  'Please say "morning" (09:00-13:00), "afternoon" (13:00-17:00), "full day" (09:00-17:00), or give times such as "10:00-12:30".';

/** "morning", "afternoon", "full day", or times such as "10:00-12:30" / "10am to 2pm". */
export function readLength(text: string): LengthReading {
  const t = text.toLowerCase().trim();
  const times =
    /(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*(?:-|–|to|until|till)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?/.exec(t);
  if (times) return customTimesFrom(times);
  if (/\b(full|whole|all)[ -]?day\b/.test(t)) return { length: 'full_day' };
  if (/\b(morning|am)\b/.test(t)) return { length: 'am' };
  if (/\b(afternoon|pm)\b/.test(t)) return { length: 'pm' };
  return { problem: `I could not read how long. ${LENGTH_HELP}` };
}

function customTimesFrom(m: RegExpExecArray): LengthReading {
  const toMinutes = (h: string | undefined, min: string | undefined, meridiem: string | undefined) => {
    let hour = Number(h);
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return hour > 23 || Number(min ?? 0) > 59 ? NaN : hour * 60 + Number(min ?? 0);
  };
  const start = toMinutes(m[1], m[2], m[3]);
  const end = toMinutes(m[4], m[5], m[6] ?? (m[3] === 'pm' ? 'pm' : undefined));
  if (Number.isNaN(start) || Number.isNaN(end))
    return { problem: `Those times are not real times. ${LENGTH_HELP}` };
  if (end <= start) return { problem: 'The end time must be after the start time, on the same day.' };
  if (end - start < 60 || end - start > 10 * 60)
    return { problem: 'A visit should last between 1 and 10 hours.' };
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { length: 'custom', customTimes: { start: hhmm(start), end: hhmm(end) } };
}

/**
 * Times in a sentence, written so they cannot be anything else: "10:00-12:30", "9am to 1pm",
 * "from 10 till 2". Undefined when there are none, or they are not a sensible visit.
 */
export function readCustomTimes(lower: string): CustomTimes | undefined {
  const times =
    /(?:\bfrom\s+)?\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*(?:-|–|to|until|till|til)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b/.exec(
      lower,
    );
  if (!times) return undefined;
  const written = times[0];
  if (!/:|am|pm/.test(written) && !/^from\b/.test(written)) return undefined;
  const read = customTimesFrom(times);
  return 'customTimes' in read ? read.customTimes : undefined;
}

const SETTING_WORDS: Array<[RegExp, Setting[]]> = [
  [
    /\b(lower risk|low risk|non[- ]?clinical|no patients)\b/,
    ['outpatient_clinic', 'office', 'community', 'research', 'board_or_policy_meeting'],
  ],
  [/\b(outpatient|clinic|opd)/, ['outpatient_clinic']],
  [/\b(theatre|operating|surgery)/, ['theatre']],
  [/\b(ward|inpatient)/, ['ward']],
  [/\b(a&e|a and e|ed|emergency|casualty)\b/, ['emergency_department']],
  [/\b(icu|itu|critical care|intensive care|hdu)\b/, ['critical_care']],
  [/\bcommunity|district|home visit/, ['community']],
  [/\b(office|management|admin|manager)/, ['office']],
  [/\bresearch/, ['research']],
  [/\b(board|policy|committee|meeting)/, ['board_or_policy_meeting']],
  [/\b(lab|laborator)/, ['laboratory']],
  [/\bpharmacy/, ['pharmacy']],
];

/** Setting preferences: "any", "lower risk", or named settings. Empty list means any. */
export function readSettings(text: string): { settings: Setting[] } | { problem: string } {
  const t = text.toLowerCase();
  if (/\b(any|anywhere|no preference|don'?t mind|do not mind|either|whatever)\b/.test(t))
    return { settings: [] };
  const found = new Set<Setting>();
  for (const [pattern, settings] of SETTING_WORDS) if (pattern.test(t)) settings.forEach((s) => found.add(s));
  if (found.size === 0) {
    return {
      problem:
        'I did not recognise a setting. Say "any", "lower risk", or name one: clinic, office, community, ward, theatre, A&E, critical care, research, board meeting.',
    };
  }
  return { settings: [...found] };
}

/** "2", "option 2", "the second one" pick from a numbered list of `count`. */
export function readNumberChoice(text: string, count: number): number | undefined {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
  const t = text.toLowerCase();
  const digit = /^\s*(?:option|number|no\.?|#)?\s*(\d{1,2})\s*$/.exec(t);
  const index = digit ? Number(digit[1]) - 1 : words.findIndex((w) => new RegExp(`\\b${w}\\b`).test(t));
  return index >= 0 && index < count ? index : undefined;
}
