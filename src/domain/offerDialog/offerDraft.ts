import { SENSITIVE_SETTINGS, type HostOffer, type OfferedSession, type Setting } from '../offers';
import type { Profession } from '../people';

/**
 * The questions of the "offer to host" conversation, in the order they are asked. `induction` is
 * asked only for sensitive settings (ward, theatre, A&E, critical care).
 */
export const OFFER_STEPS = [
  'title',
  'description',
  'profession',
  'department',
  'setting',
  'induction',
  'sessions',
  'perWeek',
  'perMonth',
  'openTo',
  'prerequisites',
  'meetingPoint',
  'summary',
] as const;
export type OfferStep = (typeof OFFER_STEPS)[number];
/** Steps a host can answer, or go back to and change from the summary. */
export type OfferField = Exclude<OfferStep, 'summary'>;

/** What the directory says about the host: offered as the default answers. */
export interface HostDefaults {
  profession: Profession;
  department: string;
}

/**
 * An offer being written in conversation. Kept in conversation state, so it survives a restart;
 * every field is what the host typed or chose, checked on the way in.
 */
export interface OfferDraft {
  step: OfferStep;
  /** Steps visited, for "back". */
  trail: OfferStep[];
  /** Set while changing one field from the summary: answer it, then return to the summary. */
  editing?: boolean;
  /** Set when changing an offer already saved: saving replaces that offer. */
  offerId?: string;
  defaults: HostDefaults;
  title?: string;
  description?: string;
  profession?: Profession;
  department?: string;
  setting?: Setting;
  /** The host has said they will arrange the extra induction a sensitive setting needs. */
  inductionAccepted?: boolean;
  sessions?: OfferedSession[];
  capacityPerWeek?: number;
  capacityPerMonth?: number;
  /** Staff groups who may visit; empty means anyone. */
  openTo?: Profession[];
  /** Empty means none; undefined means not asked yet. */
  prerequisites?: string;
  meetingPoint?: string;
  startedAt: string;
}

/** The parts of a HostOffer the conversation fills in. */
export type OfferFields = Pick<
  HostOffer,
  | 'title'
  | 'description'
  | 'profession'
  | 'department'
  | 'setting'
  | 'sessions'
  | 'capacityPerWeek'
  | 'capacityPerMonth'
  | 'openTo'
  | 'prerequisites'
  | 'meetingPoint'
>;

export function startOfferDraft(defaults: HostDefaults, now: Date): OfferDraft {
  return { step: 'title', trail: [], defaults, startedAt: now.toISOString() };
}

/** Opens a saved offer for changes: every answer is filled in and the host lands on the summary. */
export function startOfferEdit(offer: HostOffer, defaults: HostDefaults, now: Date): OfferDraft {
  return {
    step: 'summary',
    trail: [],
    offerId: offer.id,
    defaults,
    title: offer.title,
    description: offer.description,
    profession: offer.profession,
    department: offer.department,
    setting: offer.setting,
    // A saved sensitive offer was accepted with its induction when it was written, unless it was
    // imported and its host has not yet agreed the terms.
    inductionAccepted: SENSITIVE_SETTINGS.has(offer.setting) && !offer.awaitingInduction,
    sessions: offer.sessions.map((s) => ({ ...s })),
    capacityPerWeek: offer.capacityPerWeek,
    capacityPerMonth: offer.capacityPerMonth,
    openTo: [...offer.openTo],
    prerequisites: offer.prerequisites,
    meetingPoint: offer.meetingPoint,
    startedAt: now.toISOString(),
  };
}

/** The first question still unanswered, or 'summary' when the offer is complete. */
export function nextMissingOfferStep(draft: OfferDraft): OfferStep {
  if (!draft.title) return 'title';
  if (!draft.description) return 'description';
  if (!draft.profession) return 'profession';
  if (!draft.department) return 'department';
  if (!draft.setting) return 'setting';
  if (SENSITIVE_SETTINGS.has(draft.setting) && !draft.inductionAccepted) return 'induction';
  if (!draft.sessions?.length) return 'sessions';
  if (!draft.capacityPerWeek) return 'perWeek';
  if (!draft.capacityPerMonth || draft.capacityPerMonth < draft.capacityPerWeek) return 'perMonth';
  if (!draft.openTo) return 'openTo';
  if (draft.prerequisites === undefined) return 'prerequisites';
  if (!draft.meetingPoint) return 'meetingPoint';
  return 'summary';
}

/** The offer's fields once every question is answered; undefined while something is missing. */
export function offerFieldsFromDraft(draft: OfferDraft): OfferFields | undefined {
  if (nextMissingOfferStep(draft) !== 'summary') return undefined;
  const {
    title,
    description,
    profession,
    department,
    setting,
    sessions,
    capacityPerWeek,
    capacityPerMonth,
    openTo,
    prerequisites,
    meetingPoint,
  } = draft;
  if (
    !title ||
    !description ||
    !profession ||
    !department ||
    !setting ||
    !sessions ||
    !capacityPerWeek ||
    !capacityPerMonth ||
    !openTo ||
    prerequisites === undefined ||
    !meetingPoint
  ) {
    return undefined;
  }
  return {
    title,
    description,
    profession,
    department,
    setting,
    sessions,
    capacityPerWeek,
    capacityPerMonth,
    openTo,
    prerequisites,
    meetingPoint,
  };
}
