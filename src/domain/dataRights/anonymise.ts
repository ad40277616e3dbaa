import type { ExchangeRecord } from '../outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../outcomes/outcomeTypes';

/** What stands in for an erased person wherever a record about others must stay. */
export const ERASED = 'erased';

/**
 * Someone whose data was erased: the stand-in for a manager or host, or an erased visitor's
 * anonymous id. Nobody can be told or asked anything as them.
 */
export function isErasedStandIn(personId: string): boolean {
  return personId === ERASED || personId.startsWith(`${ERASED}-`);
}
const REMOVED_TEXT = "[removed at the person's request]";

/** Who is being erased, as the words that identify them. */
export interface ErasedPerson {
  id: string;
  email?: string;
  name?: string;
}

/**
 * A visitor's own request with everything personal removed: their words, their feedback and
 * reflection, and their id (the caller supplies a fresh random one, as the request moves to a new
 * partition). What stays is what counts: state, dates, setting, ratings, hours.
 */
export function anonymiseVisitorRequest(
  request: RequestWithOutcomes,
  anonymousId: string,
  person: ErasedPerson,
): RequestWithOutcomes {
  const {
    what: _what,
    coverNotes: _cover,
    costs: _costs,
    coverFailedReason: _failed,
    coverHistory,
    outcomes,
    ...rest
  } = request;
  const visitor = outcomes?.visitor;
  const anonymised: RequestWithOutcomes = {
    ...rest,
    visitorId: anonymousId,
    purpose: REMOVED_TEXT,
    objectives: request.objectives.map(() => REMOVED_TEXT),
    history: request.history.map((t) => ({
      ...t,
      by: t.by === person.id ? ERASED : t.by,
      ...(t.reason ? { reason: REMOVED_TEXT } : {}),
    })),
    ...(coverHistory
      ? {
          coverHistory: coverHistory.map((c) => ({
            ...c,
            by: c.by === person.id ? ERASED : c.by,
            ...(c.reason ? { reason: REMOVED_TEXT } : {}),
          })),
        }
      : {}),
    ...(outcomes
      ? {
          outcomes: {
            ...(outcomes.checkIn
              ? {
                  checkIn: {
                    ...outcomes.checkIn,
                    by: outcomes.checkIn.by === person.id ? ERASED : outcomes.checkIn.by,
                  },
                }
              : {}),
            ...(visitor
              ? {
                  visitor: {
                    ratings: visitor.ratings,
                    knowledge: visitor.knowledge,
                    doDifferently: REMOVED_TEXT,
                    wouldRecommend: visitor.wouldRecommend,
                    followOn: visitor.followOn,
                    hours: visitor.hours,
                    at: visitor.at,
                  },
                }
              : {}),
            ...(outcomes.host ? { host: { ...outcomes.host, teamGained: REMOVED_TEXT } } : {}),
            ...(outcomes.followUp
              ? { followUp: { changed: outcomes.followUp.changed, at: outcomes.followUp.at } }
              : {}),
          },
        }
      : {}),
  };
  return scrubPerson(anonymised, person);
}

/** A request someone else made, where the erased person was manager or host: only their part goes. */
export function removePartyFromRequest(
  request: RequestWithOutcomes,
  person: ErasedPerson,
): RequestWithOutcomes {
  const wasHost = request.hostId === person.id;
  const outcomes = request.outcomes;
  const changed: RequestWithOutcomes = {
    ...request,
    ...(request.managerId === person.id ? { managerId: ERASED } : {}),
    ...(wasHost ? { hostId: ERASED } : {}),
    history: request.history.map((t) =>
      t.by === person.id ? { ...t, by: ERASED, ...(t.reason ? { reason: REMOVED_TEXT } : {}) } : t,
    ),
    ...(outcomes
      ? {
          outcomes: {
            ...outcomes,
            ...(outcomes.checkIn?.by === person.id ? { checkIn: { ...outcomes.checkIn, by: ERASED } } : {}),
            ...(wasHost && outcomes.host ? { host: { ...outcomes.host, teamGained: REMOVED_TEXT } } : {}),
          },
        }
      : {}),
  };
  return scrubPerson(changed, person);
}

/** The exchange log keeps its aggregates; the erased person's id and their own words go. */
export function anonymiseExchange(record: ExchangeRecord, person: ErasedPerson): ExchangeRecord {
  const wasVisitor = record.visitorId === person.id;
  const wasHost = record.hostId === person.id;
  const { visitorId, hostId, offerId, doDifferently, hostTeamGained, followUp, ...rest } = record;
  const kept: ExchangeRecord = {
    ...rest,
    // The other party's id stays, so their own export and erasure still find the record.
    ...(visitorId && !wasVisitor ? { visitorId } : {}),
    ...(hostId && !wasHost ? { hostId, ...(offerId ? { offerId } : {}) } : {}),
    objectives: wasVisitor
      ? record.objectives.map(({ rating }) => (rating ? { rating } : {}))
      : record.objectives,
    ...(doDifferently !== undefined && !wasVisitor ? { doDifferently } : {}),
    ...(hostTeamGained !== undefined && !wasHost ? { hostTeamGained } : {}),
    ...(followUp ? { followUp: wasVisitor ? { changed: followUp.changed, at: followUp.at } : followUp } : {}),
    anonymised: true,
  };
  return scrubPerson(kept, person);
}

/**
 * Replaces the person's id, email and full name wherever they appear in string values (in
 * anyone's words), so a record kept for others carries no trace of them.
 */
export function scrubPerson<T>(value: T, person: ErasedPerson): T {
  const needles = [person.id, person.email, person.name].filter((n): n is string =>
    Boolean(n && n.trim().length >= 3),
  );
  if (needles.length === 0) return value;
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'gi');
  return replaceStrings(value, (text) =>
    text.replace(pattern, (match) => (match === person.id ? ERASED : '[removed]')),
  ) as T;
}

/** Whether the person's id, email or name appears anywhere in the value. */
export function mentionsPerson(value: unknown, person: ErasedPerson): boolean {
  const text = JSON.stringify(value).toLowerCase();
  return [person.id, person.email, person.name].some((n) =>
    Boolean(n && n.trim().length >= 3 && text.includes(n.toLowerCase())),
  );
}

function replaceStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replace));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, replaceStrings(v, replace)]),
    );
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
