import { DateTime } from 'luxon';
import { coverRecordOf, NO_RELEASE, type CoverRecord } from '../cover/coverRecord';
import type { HostOffer, Setting } from '../offers';
import type { Person, Profession } from '../people';
import { LONDON } from '../time/formatVisit';
import type {
  FollowOnPlan,
  KnowledgeType,
  ObjectiveRating,
  PracticeChange,
  RequestWithOutcomes,
} from './outcomeTypes';

/**
 * One completed (or no-show) exchange in the log, for evaluation. What it keeps, and why:
 * - professions, departments, setting, dates, hours, ratings, knowledge kinds, days to arrange,
 *   reminders, work or own time, hours released and covered, how cover was arranged and its
 *   estimated cost: the structured outcome data the evaluation asks for;
 * - the stated objectives and the answers to "what will you do differently", "what did your team
 *   gain" and the three-month question: these are the outcomes themselves;
 * - the visitor's, host's and offer's ids only so that the person's own "my data" export can find
 *   the record and erasure can strip it; they are never exported.
 * It never holds names, emails, job titles, the purpose, the reflection, cover notes or cost text.
 */
export interface ExchangeRecord {
  id: string;
  /** YYYY-MM of the visit's start in London: the partition key. */
  period: string;
  requestId: string;
  visitorId?: string;
  hostId?: string;
  offerId?: string;
  outcome: 'completed' | 'no_show';
  visitStart: string;
  visitEnd: string;
  /** YYYY-MM-DD in London. */
  visitDate: string;
  visitor: Side;
  host: Side;
  crossProfession: boolean;
  setting?: Setting;
  objectives: Array<{ text?: string; rating?: ObjectiveRating }>;
  knowledge: KnowledgeType[];
  hours?: number;
  doDifferently?: string;
  wouldRecommend?: boolean;
  followOn?: FollowOnPlan;
  hostTeamGained?: string;
  wouldHostAgain?: boolean;
  /** Days from the request being sent to the visit being confirmed, to one decimal place. */
  daysToConfirm?: number;
  remindersNeeded: number;
  /**
   * Work or own time, hours released and to cover, how cover was arranged, where it ended and its
   * estimated cost, from the request. Absent on records written before these were kept: read it
   * with readRelease, as own time with no cover.
   */
  release?: CoverRecord;
  /**
   * Whether the manager added a note about cover. `visitorRostered` is on records written before
   * `release` was kept (from the rota at the time of logging); it is no longer exported.
   */
  cover: { notesGiven: boolean; visitorRostered?: boolean };
  /** Costs typed on requests from before the manager's card estimated cover; no longer asked or exported. */
  costs?: { stated: boolean; amountGbp?: number };
  followUp?: { changed: PracticeChange; detail?: string; at: string };
  visitorFeedback: boolean;
  hostFeedback: boolean;
  /** Set when a person asked for their data to be erased: ids and their free text are gone. */
  anonymised?: true;
  loggedAt: string;
  ttl?: number;
}

export interface Side {
  profession?: Profession;
  department?: string;
}

export interface ExchangeFacts {
  request: RequestWithOutcomes;
  visitor?: Person;
  host?: Person;
  offer?: HostOffer;
  /** decision_reminder messages sent about this request. */
  remindersNeeded: number;
  now: Date;
}

export function periodOf(instantIso: string): string {
  return DateTime.fromISO(instantIso, { zone: 'utc' }).setZone(LONDON).toFormat('yyyy-LL');
}

/** The log entry for a finished request; undefined when it is not completed or no-show, or has no time. */
export function buildExchangeRecord(facts: ExchangeFacts): ExchangeRecord | undefined {
  const { request, visitor, host, offer } = facts;
  if ((request.state !== 'completed' && request.state !== 'no_show') || !request.start || !request.end)
    return undefined;
  const outcomes = request.outcomes ?? {};
  const happened = request.state === 'completed';
  const seen = happened ? outcomes.visitor : undefined;
  const gained = happened ? outcomes.host : undefined;
  const visitorSide: Side = {
    ...(visitor ? { profession: visitor.profession, department: visitor.department } : {}),
  };
  const hostSide: Side = {
    ...pick(host?.profession ?? offer?.profession, host?.department ?? offer?.department),
  };
  return {
    id: request.id,
    period: periodOf(request.start),
    requestId: request.id,
    visitorId: request.visitorId,
    ...(request.hostId ? { hostId: request.hostId } : {}),
    ...(request.offerId ? { offerId: request.offerId } : {}),
    outcome: happened ? 'completed' : 'no_show',
    visitStart: request.start,
    visitEnd: request.end,
    visitDate: DateTime.fromISO(request.start, { zone: 'utc' }).setZone(LONDON).toISODate() ?? '',
    visitor: visitorSide,
    host: hostSide,
    crossProfession: Boolean(
      visitorSide.profession && hostSide.profession && visitorSide.profession !== hostSide.profession,
    ),
    ...((request.setting ?? offer?.setting) ? { setting: request.setting ?? offer?.setting } : {}),
    objectives: request.objectives.map((text, i) => ({
      text,
      ...(seen?.ratings[i] ? { rating: seen.ratings[i] } : {}),
    })),
    knowledge: seen?.knowledge ?? [],
    ...(seen
      ? {
          hours: seen.hours,
          doDifferently: seen.doDifferently,
          wouldRecommend: seen.wouldRecommend,
          followOn: seen.followOn,
        }
      : {}),
    ...(gained ? { hostTeamGained: gained.teamGained, wouldHostAgain: gained.wouldHostAgain } : {}),
    ...optionalNumber('daysToConfirm', daysToConfirm(request)),
    remindersNeeded: facts.remindersNeeded,
    release: coverRecordOf(request),
    cover: { notesGiven: Boolean(request.coverNotes?.trim()) },
    ...(outcomes.followUp ? { followUp: outcomes.followUp } : {}),
    visitorFeedback: Boolean(seen),
    hostFeedback: Boolean(gained),
    loggedAt: facts.now.toISOString(),
  };
}

/** From the request being sent (its first move to the manager) to its confirmation. */
export function daysToConfirm(request: RequestWithOutcomes): number | undefined {
  const sent = request.history.find((t) => t.to === 'awaiting_manager')?.at ?? request.createdAt;
  const confirmed = request.history.find((t) => t.to === 'confirmed')?.at;
  if (!confirmed) return undefined;
  const days = (Date.parse(confirmed) - Date.parse(sent)) / 86_400_000;
  return Number.isFinite(days) && days >= 0 ? Math.round(days * 10) / 10 : undefined;
}

/** The record's release and cover; records written before these were kept read as own time, no cover. */
export function readRelease(record: ExchangeRecord): CoverRecord {
  return record.release ?? NO_RELEASE;
}

/** Whether two records say the same, apart from when they were written. */
export function sameRecord(a: ExchangeRecord, b: ExchangeRecord): boolean {
  const strip = ({ loggedAt: _l, ttl: _t, ...rest }: ExchangeRecord) => canonical(rest);
  return strip(a) === strip(b);
}

/** JSON with object keys sorted at every level, so field order does not matter. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function pick(profession: Profession | undefined, department: string | undefined): Side {
  return { ...(profession ? { profession } : {}), ...(department ? { department } : {}) };
}

function optionalNumber<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
