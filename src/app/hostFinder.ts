import { DateTime } from 'luxon';
import {
  checkVisit,
  describeVisitTimeBasis,
  hasOfferedSlot,
  suggestSlots,
  type ClashContextInput,
  type ClashReport,
  type TimeBasis,
  type WorkingTimeSettings,
  withBothBases,
} from '../domain/clash';
import {
  isDatedSession,
  SENSITIVE_SETTINGS,
  type HostOffer,
  type SessionPart,
  type Setting,
} from '../domain/offers';
import type { Person } from '../domain/people';
import type { HostFinder } from '../domain/requestDialog/advanceDraft';
import type { HostOption, RequestDraft, SlotOption } from '../domain/requestDialog/draft';
import type { Shift } from '../domain/rota';
import { hostSearchQuery } from '../domain/requestDialog/hostSearchQuery';
import { checkSlotForDay } from '../domain/requestDialog/slotForDay';
import { sameDepartment } from '../domain/relationships/pastExchanges';
import { rankOffers } from '../domain/search/rankOffers';
import { slotsOnDate } from '../domain/sessions/sessionSlots';
import { LONDON } from '../domain/time/formatVisit';
import { addDays, toLondonInstant, weekdayOf } from '../domain/time/londonTime';
import type { OffersRepository } from '../store/repositories/offersRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import type { HoldsRepository } from '../store/repositories/holdsRepository';
import type { ExchangesRepository } from '../store/repositories/exchangesRepository';
import { loadClashContext, readClashContext, type ClashSources } from './loadClashContext';
import type { SearchSources } from './recentSearchReads';
import { loadPastExchanges } from './relationships/loadPastExchanges';

export interface HostFinderDependencies {
  offers: OffersRepository;
  people: PeopleRepository;
  rota: Pick<RotaRepository, 'shiftsBetween'>;
  holds: HoldsRepository;
  requests: Pick<RequestsRepository, 'listOpenForVisitor'>;
  /** The exchange log: teams that have exchanged well before rank higher. */
  exchanges?: ExchangesRepository;
  workingTime?: WorkingTimeSettings;
  /** The finding of hosts reads through these (recent copies) when given; see RecentSearchReads. */
  searchSources?: SearchSources;
}

/** Offers looked at closely (rotas read, slots searched) per search. */
const SHORTLIST = 8;
/** Hosts kept: three shown at once, three more for "other hosts". */
const KEPT = 6;
const SLOTS_PER_HOST = 3;
/** Times shown for one host after "other times". */
const MORE_TIMES = 8;
/** Without a length, half days: whichever the host offers. */
const HALF_DAYS: readonly SessionPart[] = ['am', 'pm'];

/**
 * Finds hosts for a visitor's draft: ranks the catalogue by what they asked for, then keeps the
 * offers with clash-free times for both people in the visitor's window.
 */
export function createHostFinder(
  deps: HostFinderDependencies,
  visitor: Person,
  clock: () => Date = () => new Date(),
): HostFinder {
  return {
    findHosts: async (draft) => {
      const window = londonWindow(draft);
      // What a search reads may be this instance's recent copies: it only advises, and sending
      // checks afresh. The visitor's own visits are read once for the whole search.
      const reads: SearchSources = deps.searchSources ?? deps;
      let open: ReturnType<RequestsRepository['listOpenForVisitor']> | undefined;
      // Everything the shortlist needs is read at once: rotas (the visitor's once), places, hosts.
      const search: ClashSources = {
        rota: readingOnce(reads.rota),
        holds: reads.holds,
        requests: { listOpenForVisitor: (id: string) => (open ??= reads.requests.listOpenForVisitor(id)) },
        ...(deps.workingTime ? { workingTime: deps.workingTime } : {}),
      };
      const [active, pastExchanges] = await Promise.all([
        deps.offers.listActive(),
        loadPastExchanges(deps.exchanges, clock()),
      ]);
      const catalogue = active.filter((o) => settingWanted(draft, o.setting) && inTeamWanted(draft, o));
      const query = hostSearchQuery(draft);
      const shortlist = rankOffers({ offers: catalogue, visitor, query, pastExchanges, limit: SHORTLIST });
      // Awaited together, so a failed read of either is the search's failure, never left unheard.
      const [withSlots, names] = await Promise.all([
        Promise.all(
          shortlist.map(async ({ offer }) => ({
            offer,
            slots: await findSlots(search, visitor, offer, draft, window, clock(), SLOTS_PER_HOST),
          })),
        ),
        readHosts(
          reads,
          shortlist.map(({ offer }) => offer.hostId),
        ),
      ]);
      const availability = Object.fromEntries(withSlots.map(({ offer, slots }) => [offer.id, slots.length]));
      const ranked = rankOffers({
        offers: withSlots.filter((o) => o.slots.length > 0).map((o) => o.offer),
        visitor,
        query,
        availability,
        pastExchanges,
        window: { start: window.from.toISOString(), end: window.to.toISOString() },
        limit: KEPT,
      });
      return ranked.map(({ offer, reason }) =>
        toOption(
          offer,
          reason,
          names.get(offer.hostId),
          withSlots.find((o) => o.offer.id === offer.id)?.slots ?? [],
        ),
      );
    },
    findTimes: async (draft, offerId) => {
      if (!draft.chosen) return [];
      const window = londonWindow(draft);
      // The host's rota and places are read beside the offer, not after it.
      const [found, context] = await Promise.all([
        deps.offers.find(draft.chosen.hostId, offerId),
        readClashContext(deps, visitor, { hostId: draft.chosen.hostId, id: offerId }, window),
      ]);
      if (!found) return [];
      return findSlots(deps, visitor, found.offer, draft, window, clock(), MORE_TIMES, context(found.offer));
    },
    checkSlot: async (draft, slot) => {
      const chosen = draft.chosen;
      const [found, context] = await Promise.all([
        chosen ? deps.offers.find(chosen.hostId, chosen.offerId) : undefined,
        readClashContext(deps, visitor, chosen && { hostId: chosen.hostId, id: chosen.offerId }, {
          from: new Date(slot.start),
          to: new Date(slot.end),
        }),
      ]);
      const input = { ...context(found?.offer), start: slot.start, end: slot.end };
      const report = checkVisit(input);
      return {
        ok: report.ok,
        problems: report.clashes.map((c) => c.explanation),
        warnings: report.warnings.map((w) => w.explanation),
        ...labelOf(report),
        basis: describeVisitTimeBasis(input),
      };
    },
    sessionOn: async (draft, date) => {
      const found = draft.chosen
        ? await deps.offers.find(draft.chosen.hostId, draft.chosen.offerId)
        : undefined;
      if (!found || draft.length === 'custom') return undefined;
      for (const part of draft.length ? [draft.length] : HALF_DAYS) {
        const slot = slotsOnDate(found.offer.sessions, date, part)[0];
        if (slot)
          return { start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), part };
      }
      return undefined;
    },
  };
}

/** The visitor's days as instants: from the first day's London midnight to the midnight after the last. */
function londonWindow(draft: RequestDraft): { from: Date; to: Date } {
  const first = draft.window?.from ?? '';
  const last = draft.window?.to ?? first;
  // Dates as the dialogue writes them are read without luxon, which costs more than the search around it.
  if (isLondonDate(first) && isLondonDate(last))
    return {
      from: new Date(toLondonInstant(first, '00:00')),
      to: new Date(toLondonInstant(addDays(last, 1), '00:00')),
    };
  const from = DateTime.fromISO(draft.window?.from ?? '', { zone: LONDON }).startOf('day');
  const to = DateTime.fromISO(draft.window?.to ?? from.toISODate() ?? '', { zone: LONDON })
    .plus({ days: 1 })
    .startOf('day');
  return { from: from.toJSDate(), to: to.toJSDate() };
}

const LONDON_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (not 30 February). */
function isLondonDate(date: string): boolean {
  if (!LONDON_DATE.test(date)) return false;
  const midnight = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(midnight) && new Date(midnight).toISOString().slice(0, 10) === date;
}

/** A return visit looks only at the team it returns to. */
function inTeamWanted(draft: RequestDraft, offer: HostOffer): boolean {
  return !draft.returnTo || sameDepartment(offer.department, draft.returnTo.department);
}

function settingWanted(draft: RequestDraft, setting: Setting): boolean {
  if (draft.avoidSettings?.includes(setting)) return false;
  return !draft.settings?.length || draft.settings.includes(setting);
}

/**
 * The next `count` clash-free times with a host in the window, on the weekdays asked for; a
 * visit of no stated length is a morning or an afternoon, whichever the host offers.
 */
async function findSlots(
  deps: ClashSources,
  visitor: Person,
  offer: HostOffer,
  draft: RequestDraft,
  window: { from: Date; to: Date },
  now: Date,
  count: number,
  known?: ClashContextInput,
): Promise<SlotOption[]> {
  const from = window.from < now ? now : window.from;
  if (from >= window.to) return [];
  const days = draft.window?.weekdays;
  const onDays = days?.length
    ? {
        ...offer,
        sessions: offer.sessions.filter((s) =>
          days.includes(isDatedSession(s) ? weekdayOf(s.date) : s.weekday),
        ),
      }
    : offer;
  if (onDays.sessions.length === 0) return [];
  const parts = draft.length && draft.length !== 'custom' ? [draft.length] : HALF_DAYS;
  // An offer with no session in the window has no times whatever the rotas say: they are not read.
  if (
    draft.length !== 'custom' &&
    !parts.some((part) => hasOfferedSlot(onDays, from.getTime(), window.to.getTime(), part))
  )
    return [];
  const context = known ?? (await loadClashContext(deps, visitor, offer, window));
  if (draft.length === 'custom')
    return customSlots({ ...context, offer: onDays }, draft, from, window.to, count);
  const slots = parts.flatMap((part) =>
    suggestSlots({
      ...context,
      offer: onDays,
      from: from.toISOString(),
      to: window.to.toISOString(),
      length: part,
      count,
    }).map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      part,
      ...labelOf(s),
      basis: s.timeBasisWords,
      warnings: s.warnings.map((w) => w.explanation),
    })),
  );
  const sorted = slots.sort((a, b) => a.start.localeCompare(b.start));
  return withBothBases(sorted, count, (s) =>
    s.label === TIME_LABELS.work_time ? 'work_time' : 'own_time',
  ).sort((a, b) => a.start.localeCompare(b.start));
}

const TIME_LABELS: Readonly<Record<TimeBasis, string>> = { work_time: 'work time', own_time: 'own time' };

/** "work time" (the manager releases the visitor from a rostered shift) or "own time". */
function labelOf(found: { timeBasis: TimeBasis } | ClashReport): { label: string } {
  const basis = 'timeBasis' in found ? found.timeBasis : found.release.length > 0 ? 'work_time' : 'own_time';
  return { label: TIME_LABELS[basis] };
}

/** Custom times: each day in the window, checked with the full rules. */
function customSlots(
  context: ClashContextInput,
  draft: RequestDraft,
  from: Date,
  to: Date,
  count: number,
): SlotOption[] {
  const slots: SlotOption[] = [];
  for (
    let day = DateTime.fromJSDate(from, { zone: LONDON }).startOf('day');
    day.toJSDate() < to && slots.length < count;
    day = day.plus({ days: 1 })
  ) {
    const reading = checkSlotForDay(day.toISODate() as string, 'custom', draft.customTimes);
    if (!reading.ok) continue;
    const slot = { start: reading.start, end: reading.end };
    if (new Date(slot.start) < from || new Date(slot.end) > to) continue;
    const input = { ...context, start: slot.start, end: slot.end };
    const report = checkVisit(input);
    if (report.ok)
      slots.push({
        ...slot,
        part: 'custom',
        ...labelOf(report),
        basis: describeVisitTimeBasis(input),
        warnings: report.warnings.map((w) => w.explanation),
      });
  }
  return slots;
}

function toOption(
  offer: HostOffer,
  reason: string,
  hostName: string | undefined,
  slots: SlotOption[],
): HostOption {
  return {
    offerId: offer.id,
    hostId: offer.hostId,
    title: offer.title,
    hostName: hostName ?? 'A colleague',
    department: offer.department,
    setting: offer.setting,
    sensitive: SENSITIVE_SETTINGS.has(offer.setting),
    reason,
    slots,
  };
}

/** The hosts' names, read at once. */
async function readHosts(
  deps: { people: Pick<PeopleRepository, 'findById'> },
  hostIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(hostIds)];
  const people = await Promise.all(ids.map((id) => deps.people.findById(id)));
  return new Map(people.flatMap((person) => (person ? [[person.id, person.name] as const] : [])));
}

/** A rota reader that reads each person's range once, however many offers ask for it. */
function readingOnce(rota: HostFinderDependencies['rota']): HostFinderDependencies['rota'] {
  const read = new Map<string, Promise<Shift[]>>();
  return {
    shiftsBetween: (personId: string, from: Date, to: Date) => {
      const key = `${personId}|${instantOf(from)}|${instantOf(to)}`;
      let shifts = read.get(key);
      if (!shifts) read.set(key, (shifts = rota.shiftsBetween(personId, from, to)));
      return shifts;
    },
  };
}

/** A date's milliseconds, for a key; an invalid date fails as `toISOString` would. */
function instantOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
  return ms;
}
