import { DateTime } from 'luxon';
import { SENSITIVE_SETTINGS, type HostOffer, type Setting } from '../offers';
import type { Person } from '../people';
import { occurrencesOn } from '../sessions/sessionOccurrences';
import { getDefaultGlossary, type Concepts, type Glossary } from './glossary';
import { countGoodExchanges, type GoodExchanges } from './goodExchanges';
import { sameDepartment } from '../relationships/pastExchanges';

/** A completed exchange, as far as ranking needs it. */
export interface PastExchange {
  visitorDepartment: string;
  hostDepartment: string;
  wentWell: boolean;
}

export interface RankOffersInput {
  offers: readonly HostOffer[];
  visitor: Person;
  /** The visitor's words: what they want to see, their objectives. May be empty. */
  query: string;
  /** The visitor's date window, [start, end) as ISO instants. */
  window?: { start: string; end: string };
  /** Clash-free slots per offer id in the window, from the clash engine. */
  availability?: Readonly<Record<string, number>>;
  pastExchanges?: readonly PastExchange[];
  /** Places left this month per offer id. */
  capacityLeft?: Readonly<Record<string, number>>;
  limit: number;
  glossary?: Glossary;
}

export interface RankedOffer {
  offer: HostOffer;
  score: number;
  /** One plain-English line on why the offer was suggested. */
  reason: string;
}

export const SETTING_LABELS: Readonly<Record<Setting, string>> = {
  outpatient_clinic: 'outpatient clinic',
  theatre: 'operating theatre',
  ward: 'ward',
  emergency_department: 'emergency department',
  critical_care: 'critical care',
  community: 'community',
  office: 'office',
  research: 'research',
  board_or_policy_meeting: 'board or policy meeting',
  laboratory: 'laboratory',
  pharmacy: 'pharmacy',
};

/** How much a match counts, by where in the offer it is found. */
const FIELD_WEIGHTS = { title: 3, department: 2.5, setting: 2, description: 1.5 } as const;
const WEIGHTS = {
  crossProfession: 2,
  sensitive: -1.5,
  perPlace: 0.25,
  full: -4,
  available: 1,
  perSlot: 0.1,
  noSlots: -3,
  perGoodExchange: 0.75,
};
const MAX_WINDOW_DAYS = 186;

/**
 * Ranks host offers for a visitor. Only active offers open to the visitor's profession and not
 * their own are considered; when the query has meaningful words, only offers that match at least
 * one of them (directly or through the glossary) are returned. Ties are broken by offer id.
 */
export function rankOffers(input: RankOffersInput): RankedOffer[] {
  const glossary = input.glossary ?? getDefaultGlossary();
  const wanted = glossary.analyse(input.query);
  const ranked: RankedOffer[] = [];
  const context: RankingContext = { ...input, goodExchanges: countGoodExchanges(input.pastExchanges ?? []) };
  for (const offer of input.offers) {
    if (!isEligible(offer, input.visitor)) continue;
    const match = scoreRelevance(offer, wanted, glossary);
    if (wanted.size > 0 && match.score === 0) continue;
    const parts = [describeMatch(match.matched, glossary)];
    let score = match.score;
    for (const factor of [crossing, settingRisk, capacity, availability, pastExchanges]) {
      const result = factor(offer, context);
      score += result.score;
      parts.push(result.note);
    }
    ranked.push({ offer, score: Math.round(score * 1000) / 1000, reason: joinReason(parts) });
  }
  ranked.sort(
    (a, b) => b.score - a.score || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0),
  );
  return ranked.slice(0, Math.max(0, input.limit));
}

function isEligible(offer: HostOffer, visitor: Person): boolean {
  if (offer.status !== 'active' || offer.hostId === visitor.id) return false;
  return offer.openTo.length === 0 || offer.openTo.includes(visitor.profession);
}

function scoreRelevance(offer: HostOffer, wanted: Concepts, glossary: Glossary) {
  const fields = {
    title: glossary.analyse(offer.title),
    department: glossary.analyse(offer.department),
    setting: glossary.analyse(SETTING_LABELS[offer.setting]),
    description: glossary.analyse(offer.description),
  };
  let score = 0;
  const matched: [string, string][] = [];
  for (const [key, source] of wanted) {
    const weights = (Object.keys(fields) as (keyof typeof fields)[])
      .filter((field) => fields[field].has(key))
      .map((field) => FIELD_WEIGHTS[field]);
    if (weights.length === 0) continue;
    score += Math.max(...weights);
    if (!matched.some(([, shown]) => shown === source)) matched.push([key, source]);
  }
  return { score, matched };
}

function describeMatch(matched: [string, string][], glossary: Glossary): string | undefined {
  if (matched.length === 0) return undefined;
  const shown = matched.slice(0, 2).map(([key, source]) => {
    const plain = glossary.plainTermOf(key);
    const quoted = `'${shorten(source)}'`;
    return plain && plain.toLowerCase() !== source.toLowerCase() ? `${quoted} (${plain})` : quoted;
  });
  return `matches ${shown.join(' and ')}`;
}

/** The input, with what is worked out once per ranking rather than once per offer. */
interface RankingContext extends RankOffersInput {
  goodExchanges: GoodExchanges;
}

type Factor = (offer: HostOffer, context: RankingContext) => { score: number; note?: string };

const crossing: Factor = (offer, { visitor }) =>
  offer.profession !== visitor.profession
    ? { score: WEIGHTS.crossProfession, note: 'a different profession' }
    : { score: 0 };

const settingRisk: Factor = (offer) =>
  SENSITIVE_SETTINGS.has(offer.setting)
    ? { score: WEIGHTS.sensitive, note: `${SETTING_LABELS[offer.setting]} setting, needs extra induction` }
    : { score: 0, note: `${SETTING_LABELS[offer.setting]} setting, lower risk` };

const capacity: Factor = (offer, { capacityLeft }) => {
  const left = capacityLeft?.[offer.id];
  if (left === undefined) return { score: 0 };
  if (left <= 0) return { score: WEIGHTS.full, note: 'no places left this month' };
  return {
    score: Math.min(left, 4) * WEIGHTS.perPlace,
    note: `${left} ${left === 1 ? 'place' : 'places'} left this month`,
  };
};

const availability: Factor = (offer, input) => {
  const slots =
    input.availability?.[offer.id] ?? (input.window ? countOfferedDays(offer, input.window) : undefined);
  if (slots === undefined) return { score: 0 };
  if (slots <= 0) return { score: WEIGHTS.noSlots, note: 'no free sessions in your dates' };
  const note = `${slots} free ${slots === 1 ? 'session' : 'sessions'} in your dates`;
  return { score: WEIGHTS.available + Math.min(slots, 5) * WEIGHTS.perSlot, note };
};

/**
 * Teams that have exchanged well before rank higher, in either direction; a visit that would return
 * one the host's team made says so.
 */
const pastExchanges: Factor = (offer, { visitor, goodExchanges }) => {
  if (sameDepartment(visitor.department, offer.department)) return { score: 0 };
  const there = goodExchanges(visitor.department, offer.department);
  const back = goodExchanges(offer.department, visitor.department);
  const good = there + back;
  if (good === 0) return { score: 0 };
  const note =
    back > there
      ? `their team visited yours and it went well, so this would be a return visit`
      : `your teams have had ${good} good ${good === 1 ? 'exchange' : 'exchanges'} before`;
  return { score: Math.min(good, 3) * WEIGHTS.perGoodExchange, note };
};

/** Without clash-engine figures: how many session days the offer has in the window (London days). */
function countOfferedDays(offer: HostOffer, window: { start: string; end: string }): number | undefined {
  const start = DateTime.fromISO(window.start, { zone: 'Europe/London' });
  const end = DateTime.fromISO(window.end, { zone: 'Europe/London' });
  if (!start.isValid || !end.isValid) return undefined;
  let count = 0;
  for (
    let day = start.startOf('day'), steps = 0;
    day < end && steps < MAX_WINDOW_DAYS;
    day = day.plus({ days: 1 }), steps += 1
  ) {
    count += occurrencesOn(offer.sessions, day.toISODate() as string).length;
  }
  return count;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

function joinReason(parts: (string | undefined)[]): string {
  const line = parts.filter((part): part is string => Boolean(part)).join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
