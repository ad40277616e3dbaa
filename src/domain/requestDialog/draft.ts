import type { Setting } from '../offers';
import type { DayPart, DayWindow } from './parseWhen';

/** The questions of the request conversation, in the order they are asked. */
export const DRAFT_STEPS = [
  'what',
  'reasons',
  'purpose',
  'objectives',
  'when',
  'length',
  'setting',
  'host',
  'slot',
  'summary',
] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];
/** Steps a visitor can go back to and change from the summary. */
export type DraftField = Exclude<DraftStep, 'summary'>;

export type VisitLengthChoice = DayPart | 'custom';

export interface CustomTimes {
  /** HH:MM, Europe/London. */
  start: string;
  end: string;
}

/** A host the visitor may choose, with clash-free times in their window. */
export interface HostOption {
  offerId: string;
  hostId: string;
  title: string;
  hostName: string;
  department: string;
  setting: Setting;
  sensitive: boolean;
  /** One plain line on why it was suggested. */
  reason: string;
  slots: SlotOption[];
}

/** The time chosen, with what it means for the visitor's rota when that is known. */
export interface ChosenSlot {
  start: string;
  end: string;
  label?: string;
  basis?: string;
}

export interface SlotOption {
  /** ISO-8601 instants. */
  start: string;
  end: string;
  /** The visit length this slot is: a morning, an afternoon, a full day or other times. */
  part?: VisitLengthChoice;
  /** "work time" or "own time", when the slot search says which. */
  label?: string;
  /**
   * Whose time it is, in plain words: "during your long day, 08:00-20:30: your manager will be
   * asked to release you" or "on your day off: in your own time".
   */
  basis?: string;
  /** Plain-words notes that do not block the slot (e.g. "you are on annual leave then"). */
  warnings: string[];
}

/**
 * A request being put together in conversation. Kept in conversation state, so it survives a
 * restart; every field is what the visitor typed or chose, checked on the way in.
 */
export interface RequestDraft {
  /**
   * The id the request will have once sent, given when the draft is first kept: sending the same
   * draft twice (a double click, two chats, two instances) sends one request.
   */
  id?: string;
  step: DraftStep;
  /** Steps visited, for "back". */
  trail: DraftStep[];
  /** Set while changing one field from the summary: answer it, then return to the summary. */
  editing?: boolean;
  what?: string;
  purpose?: string;
  objectives?: string[];
  window?: DayWindow;
  length?: VisitLengthChoice;
  customTimes?: CustomTimes;
  /** Only these settings; empty means any; unset, any with lower-risk settings first. */
  settings?: Setting[];
  /** Any setting but these. */
  avoidSettings?: Setting[];
  /** Set when no dates were given and the next weeks are searched. */
  windowGuessed?: boolean;
  /** The options found, so "2" or a button picks the same one again. */
  hostOptions?: HostOption[];
  /** Which page of `hostOptions` is shown ("other hosts" turns it). */
  hostPage?: number;
  chosen?: {
    offerId: string;
    hostId: string;
    title: string;
    hostName: string;
    setting: Setting;
    sensitive: boolean;
  };
  slotOptions?: SlotOption[];
  slot?: ChosenSlot;
  /**
   * Set for a return visit, offered to a host after a visit (`requestId`): only offers in this
   * department are looked at.
   */
  returnTo?: { department: string; requestId: string };
  startedAt: string;
}

export function newDraft(now: Date): RequestDraft {
  return { step: 'what', trail: [], startedAt: now.toISOString() };
}
