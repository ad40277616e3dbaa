import type { RequestView } from '../../app/describeRequest';
import { readCover } from '../../domain/cover/readCover';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { labelled } from './requestFacts';
import { coverStatusLine, hoursInWords, shiftLines } from './releaseFacts';

/** States in which the visit is off: cover still being arranged for it is no longer needed. */
export const VISIT_OFF_STATES: readonly string[] = ['declined_by_host', 'cancelled', 'expired'];

/**
 * What whoever arranges cover needs, and no more: who is away, from which shift, for how many
 * hours and when. Not why they are going or where.
 */
export function coverFacts(view: RequestView): Array<Record<string, unknown>> {
  const { request, visitor, release } = view;
  const cover = readCover(request);
  const who = visitor ? `${visitor.name}, ${visitor.jobTitle}, ${visitor.department}` : 'A colleague';
  const shifts = release && release.shifts.length > 0 ? shiftLines(release) : 'Not known';
  return [
    labelled('Who', who, 200),
    {
      type: 'FactSet',
      facts: [
        { title: 'Shift', value: shifts },
        {
          title: 'Away',
          value: request.start && request.end ? formatVisitTime(request.start, request.end) : 'Not known',
        },
        { title: 'Hours to cover', value: hoursInWords(cover.coverHours) },
        { title: 'Cover', value: coverNow(view) },
      ],
    },
    ...(request.coverNotes ? [labelled('Note from the manager', request.coverNotes, 300)] : []),
  ];
}

/**
 * Where cover stands for whoever was arranging it. Cover still to be arranged for a visit that is
 * off is not needed. With no way of covering chosen, the manager has been asked again (the
 * visitor's rota changed) or the visit is over: it is not "not needed" yet.
 */
function coverNow(view: RequestView): string {
  const { state, cover } = view.request;
  if (cover === 'pending' && VISIT_OFF_STATES.includes(state)) return 'No longer needed: the visit is off';
  if (view.request.coverMethod) return coverStatusLine(view);
  return view.request.state === 'awaiting_manager'
    ? 'On hold: the manager is deciding again how the shift is covered'
    : 'Nothing needed from you';
}
