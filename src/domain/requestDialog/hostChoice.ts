import type { HostFinder } from './dialogTypes';
import { HOSTS_PER_PAGE } from './dialogTypes';
import type { HostOption, RequestDraft, SlotOption, VisitLengthChoice } from './draft';
import { parseWhen } from './parseWhen';
import { readCustomTimes, readNumberChoice } from './readChoices';
import { checkSlotForDay } from './slotForDay';

export type Applied = { draft: RequestDraft } | { problem: string };

/** The hosts on the page shown. */
export function hostsShown(draft: RequestDraft): HostOption[] {
  const page = draft.hostPage ?? 0;
  return (draft.hostOptions ?? []).slice(page * HOSTS_PER_PAGE, (page + 1) * HOSTS_PER_PAGE);
}

/** One click on a host's time: both chosen at once. */
export function pickHostAndTime(draft: RequestDraft, offerId: string, start: string): Applied {
  const option = (draft.hostOptions ?? []).find((o) => o.offerId === offerId);
  const slot = option?.slots.find((s) => s.start === start);
  if (!option || !slot)
    return { problem: 'That time is no longer offered. Please choose one of the times shown.' };
  return { draft: withSlot(withHost(draft, option, option.slots), slot) };
}

/** "Other times" with one host (button), or a host's number typed: shows more of their times. */
export async function chooseHost(
  draft: RequestDraft,
  value: string,
  isChoice: boolean,
  finder: HostFinder,
): Promise<Applied> {
  const shown = hostsShown(draft);
  const option = isChoice
    ? (draft.hostOptions ?? []).find((o) => o.offerId === value)
    : shown[readNumberChoice(value, shown.length) ?? -1];
  if (!option)
    return {
      problem: `Please choose a time under one of the ${shown.length} hosts, or type a host's number. Say "other hosts" for more, or "back" to change your answers.`,
    };
  const more = await finder.findTimes({ ...draft, chosen: chosenOf(option) }, option.offerId);
  return { draft: withHost(draft, option, more.length > 0 ? more : option.slots) };
}

/** The next page of hosts; on the last page, a reason to change the dates or settings. */
export function showMoreHosts(draft: RequestDraft): Applied {
  const pages = Math.ceil((draft.hostOptions ?? []).length / HOSTS_PER_PAGE);
  const next = (draft.hostPage ?? 0) + 1;
  if (next >= pages)
    return {
      problem:
        'These are all the hosts with free times in your dates. Say "change when" for other dates, or "any setting" to look wider.',
    };
  return { draft: { ...draft, hostPage: next } };
}

/**
 * A time for the chosen host: a button, a number, or a day typed and checked. A day alone takes
 * the host's session of the visit's length that day; a day with times ("Thu 10 Dec 10:00-12:00")
 * takes those times. Either may fall in the visitor's rostered work: the manager is then asked to
 * release them (the slot says so), it is not refused.
 */
export async function chooseSlot(
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
  if (picked) return { draft: withSlot(draft, picked) };
  if (isChoice) return { problem: 'That time is no longer offered. Please choose one of the times shown.' };
  const when = parseWhen(value, now);
  if (!when.ok) return { problem: `${when.reason} Or pick one of the times shown by its number.` };
  if (when.window.from !== when.window.to)
    return { problem: 'Please give one day, such as "Tue 1 Dec", or pick one of the times shown.' };
  const typed = readCustomTimes(value.toLowerCase());
  const timed = typed ? { ...draft, length: 'custom' as const, customTimes: typed } : draft;
  const day = await dayOf(timed, when.window.from, finder);
  if (!day.ok) return { problem: `${day.problem} Or pick one of the times shown by its number.` };
  const slot = { start: day.start, end: day.end };
  const check = await finder.checkSlot(timed, slot);
  if (!check.ok) return { problem: `That time does not work: ${check.problems.join(' ')}` };
  const basis = {
    ...(check.label ? { label: check.label } : {}),
    ...(check.basis ? { basis: check.basis } : {}),
  };
  return { draft: withSlot(timed, { ...slot, part: day.part, ...basis, warnings: check.warnings }) };
}

type DayReading =
  { ok: true; start: string; end: string; part: VisitLengthChoice } | { ok: false; problem: string };

/**
 * The visit on a London date: the host's session of the draft's length (of no length: their
 * morning, else their afternoon), else the usual times of that length (a morning).
 */
async function dayOf(draft: RequestDraft, date: string, finder: HostFinder): Promise<DayReading> {
  const session = await finder.sessionOn?.(draft, date);
  if (session) return { ok: true, ...session };
  const part = draft.length ?? 'am';
  const reading = checkSlotForDay(date, part, draft.customTimes);
  return reading.ok ? { ...reading, part } : reading;
}

function chosenOf(option: HostOption): NonNullable<RequestDraft['chosen']> {
  const { offerId, hostId, title, hostName, setting, sensitive } = option;
  return { offerId, hostId, title, hostName, setting, sensitive };
}

function withHost(draft: RequestDraft, option: HostOption, slots: SlotOption[]): RequestDraft {
  return { ...draft, chosen: chosenOf(option), slotOptions: slots, slot: undefined };
}

/** The chosen time; a visit of no stated length takes the length of the time chosen. */
function withSlot(draft: RequestDraft, slot: SlotOption): RequestDraft {
  const length = draft.length ?? (slot.part && slot.part !== 'custom' ? slot.part : undefined);
  const { start, end, label, basis } = slot;
  const chosen = { start, end, ...(label ? { label } : {}), ...(basis ? { basis } : {}) };
  return { ...draft, slot: chosen, ...(length ? { length } : {}) };
}
