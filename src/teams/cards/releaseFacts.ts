import type { RequestView } from '../../app/describeRequest';
import type { ReleaseView } from '../../app/describeRelease';
import { describeHours } from '../../domain/clash/describeHours';
import { describeKind } from '../../domain/clash/shiftKinds';
import { COVER_METHOD_WORDS, costForMethod, type CoverStatus } from '../../domain/cover/coverMethods';
import {
  coverArrangedBy,
  coverArrangerIdOf,
  releasedWithoutCoverBy,
  releasedWithoutCoverById,
  type CoverRole,
} from '../../domain/cover/coverArranger';
import { readCover } from '../../domain/cover/readCover';
import { formatVisitTime } from '../../domain/time/formatVisit';

const HOUR_MS = 3_600_000;

export const COVER_STATUS_WORDS: Readonly<Record<CoverStatus, string>> = {
  not_needed: 'Not needed',
  pending: 'Being arranged',
  arranged: 'Arranged',
  failed: 'Could not be arranged',
};

/** "£98": whole pounds, as an estimate should read. */
export function formatPounds(amount: number): string {
  return `£${Math.round(amount).toLocaleString('en-GB')}`;
}

export function hoursInWords(hours: number): string {
  return hours > 0 ? describeHours(hours * HOUR_MS) : 'None';
}

/** "Long day, Tue 3 Mar, 08:00-20:30", one line per rostered entry the visit overlaps. */
export function shiftLines(release: ReleaseView): string {
  return release.shifts
    .map((s) => {
      const kind = describeKind(s.kind);
      return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}, ${formatVisitTime(s.start, s.end)}`;
    })
    .join('\n');
}

function timeLine(view: RequestView, release: ReleaseView): string {
  if (release.timeBasis === 'work_time')
    return release.coverHours > 0
      ? 'Work time: rostered to work then, so you are asked to release them.'
      : 'Work time: in rostered training or study time. No cover is needed.';
  return view.visitorRota === 'on_leave'
    ? 'Own time: on leave then. Nothing to release.'
    : 'Own time: not rostered to work then. Nothing to release.';
}

/** The estimate in words: the bank figure, the agency or locum figure beside it, and what it rests on. */
export function costLine(view: RequestView, release: ReleaseView): string {
  const { estimate } = release;
  if (release.coverHours <= 0) return 'None: no cover is needed.';
  if (!estimate) return 'Not known: no rates are set for their staff group.';
  const method = view.request.coverMethod;
  const basis = estimate.rate.assumed
    ? `${estimate.rate.grade} rates, as ${view.visitor?.grade ? 'no rate is set for their grade' : 'their grade is not recorded'}`
    : `${estimate.rate.grade} rates`;
  if (method && costForMethod(method, estimate) === 0)
    return `None extra: ${COVER_METHOD_WORDS[method].toLowerCase()}.`;
  return (
    `About ${formatPounds(estimate.bankGbp)} if bank staff cover, about ${formatPounds(estimate.agencyGbp)} ` +
    `through an agency or locum. An estimate at ${basis}.`
  );
}

function thisYearLine(done: number, hours: number | undefined): string {
  if (done === 0) return 'None yet';
  const visits = `${done} visit${done === 1 ? '' : 's'}`;
  return hours ? `${visits}, ${hoursInWords(hours)}` : visits;
}

/**
 * What the manager needs to decide on a release, all true of the rota as it is now: the shift,
 * the hours released, work or own time, the cover needed and its estimated cost, and how much
 * shadowing the visitor has done this year. Once cover has been chosen, how and where it stands.
 */
export function releaseFacts(view: RequestView): Array<Record<string, unknown>> {
  const release = view.release;
  const stored = readCover(view.request);
  const facts: Array<{ title: string; value: string }> = [];
  if (release) {
    facts.push({ title: 'Time', value: timeLine(view, release) });
    if (release.shifts.length > 0) facts.push({ title: 'Shift', value: shiftLines(release) });
    if (release.timeBasis === 'work_time')
      facts.push({ title: 'Hours released', value: hoursInWords(release.releaseHours) });
    facts.push({ title: 'Cover needed', value: hoursInWords(release.coverHours) });
    if (release.coverHours > 0) facts.push({ title: 'Estimated cost', value: costLine(view, release) });
  }
  if (view.request.coverMethod && stored.coverHours > 0) {
    facts.push({ title: 'Cover', value: coverStatusLine(view) });
  }
  // Left out, never guessed, when the visitor's history was not read for this card.
  if (view.doneThisYear !== undefined)
    facts.push({ title: 'Shadowing this year', value: thisYearLine(view.doneThisYear, view.hoursThisYear) });
  return [{ type: 'FactSet', facts }];
}

const ARRANGER_WORDS: Readonly<Record<CoverRole, string>> = {
  rota_coordinator: 'the rota coordinator',
  manager: 'the manager',
  programme_lead: 'a programme lead',
};

/**
 * Where cover stands and who arranged it (or is arranging it, or found it could not be), e.g.
 * "Arranged by the manager." or "Being arranged by the rota coordinator (bank or locum shift).",
 * and "Arranged by you." on the card of the person who did.
 * Who did it, not the way first chosen: cover handed to the rota coordinator may have been
 * arranged by the manager after all. Roles, never names: the person may since have been erased.
 */
export function coverStatusLine(view: RequestView): string {
  const { request } = view;
  const { cover, coverMethod } = readCover(request);
  if (!coverMethod) return COVER_STATUS_WORDS[cover];
  if (coverMethod === 'not_needed' || coverMethod === 'within_team')
    return `${COVER_METHOD_WORDS[coverMethod]}.`;
  const role = coverArrangedBy(request);
  const by = arrangedByReader(view) ? ' by you' : role ? ` by ${ARRANGER_WORDS[role]}` : '';
  const bank = coverMethod === 'bank_or_locum' ? ' (bank or locum shift)' : '';
  return `${COVER_STATUS_WORDS[cover]}${by}${bank}.${releasedWithoutCoverWords(view)}`;
}

/** " A programme lead released them without it.", or "You released…" to the one who did; else nothing. */
function releasedWithoutCoverWords({ request, readerId }: RequestView): string {
  const released = releasedWithoutCoverBy(request);
  if (!released) return '';
  const byReader = readerId !== undefined && releasedWithoutCoverById(request) === readerId;
  return ` ${byReader ? 'You' : capitalised(ARRANGER_WORDS[released])} released them without it.`;
}

/** Whether the card's reader is the one who arranged the cover (or found it could not be, or is arranging it). */
function arrangedByReader(view: RequestView): boolean {
  return view.readerId !== undefined && coverArrangerIdOf(view.request) === view.readerId;
}

function capitalised(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
