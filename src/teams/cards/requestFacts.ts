import type { RequestView } from '../../app/describeRequest';
import { SENSITIVE_SETTINGS, SETTING_LABELS } from '../../domain/offers';
import { stateLabelFor } from '../../domain/requestStateLabels';
import type { Viewer } from '../../domain/workflow/viewers';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { inertText } from './plainText';
import { COVER_STATUS_WORDS, coverStatusLine, releaseFacts } from './releaseFacts';
import { readCover } from '../../domain/cover/readCover';
import type { RequestState, ShadowingRequest } from '../../domain/requests';
import { coverArrangedBy, releasedWithoutCoverBy, type CoverRole } from '../../domain/cover/coverArranger';

/** One labelled line whose value may hold typed text: the value is shown inert. */
export function labelled(label: string, value: string, maxLength = 600): Record<string, unknown> {
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true, spacing: 'None' },
      inertText([value], { maxLength }),
    ],
  };
}

export function when(view: RequestView): string {
  const { start, end } = view.request;
  return start && end ? formatVisitTime(start, end) : 'Not chosen yet';
}

export function settingLine(view: RequestView): string {
  const setting = view.request.setting;
  if (!setting) return 'Not known';
  return SENSITIVE_SETTINGS.has(setting)
    ? `${SETTING_LABELS[setting]}. Sensitive setting: the host must agree an induction first.`
    : SETTING_LABELS[setting];
}

/** Whether the visitor is released, as the request now stands: asked, agreed, or nothing to say once it is over. */
const RELEASE_WORDS: Partial<Record<RequestState, string>> = {
  awaiting_manager: 'Work time: your manager is asked to release you from your rota.',
  awaiting_host: 'Work time: your manager releases you from your rota.',
  host_proposed_time: 'Work time: your manager releases you from your rota.',
  confirmed: 'Work time: your manager releases you from your rota.',
};

/** For the visitor: whether the visit is in work time, and where cover for their shift stands. */
function visitorTimeFacts(view: RequestView): Array<Record<string, unknown>> {
  const cover = readCover(view.request);
  const release = RELEASE_WORDS[view.request.state];
  if (cover.timeBasis !== 'work_time' || !release) return [];
  const facts = [{ title: 'Time', value: release }];
  if (cover.coverHours > 0 && view.request.coverMethod)
    facts.push({ title: 'Cover for your shift', value: visitorCoverLine(view.request) });
  return [{ type: 'FactSet', facts }];
}

const TO_VISITOR: Readonly<Record<CoverRole, string>> = {
  rota_coordinator: 'the rota coordinator',
  manager: 'your manager',
  programme_lead: 'a programme lead',
};

/** "Arranged by your manager": where cover stands, and who arranged it or released the visitor without it. */
function visitorCoverLine(request: ShadowingRequest): string {
  const released = releasedWithoutCoverBy(request);
  if (released) return `Could not be arranged: ${TO_VISITOR[released]} released you without it`;
  const status = COVER_STATUS_WORDS[readCover(request).cover];
  const role =
    request.cover === 'pending' || request.cover === 'arranged' ? coverArrangedBy(request) : undefined;
  return role ? `${status} by ${TO_VISITOR[role]}` : status;
}

/**
 * For the manager (or a lead) on a released request: how its cover is arranged and where that
 * stands, e.g. "Arranged by the rota coordinator." Nothing once the request is over, or when
 * no cover was needed.
 */
function managerCoverFacts(view: RequestView): Array<Record<string, unknown>> {
  const live = RELEASE_WORDS[view.request.state] && view.request.state !== 'awaiting_manager';
  if (!live || !view.request.coverMethod || readCover(view.request).coverHours <= 0) return [];
  return [{ type: 'FactSet', facts: [{ title: 'Cover', value: coverStatusLine(view) }] }];
}

/** The facts every party sees about a request, its status in the words of `viewer` (by default the visitor's, or the manager's). */
export function requestFacts(
  view: RequestView,
  options: { forManager?: boolean; viewer?: Viewer } = {},
): Array<Record<string, unknown>> {
  const viewer = options.viewer ?? (options.forManager ? 'manager' : 'visitor');
  const { request, visitor, host, offer } = view;
  const visitorLine = visitor ? `${visitor.name}, ${visitor.jobTitle}, ${visitor.department}` : 'A colleague';
  const hostLine = host
    ? `${host.name}, ${offer?.department ?? host.department}: ${request.offerTitle ?? offer?.title ?? ''}`
    : (request.offerTitle ?? 'Not chosen yet');
  return [
    labelled('Visitor', visitorLine, 200),
    labelled('Why', request.purpose),
    labelled('To learn', request.objectives.map((o, i) => `${i + 1}. ${o}`).join('\n'), 1600),
    {
      type: 'FactSet',
      facts: [
        { title: 'When', value: when(view) },
        { title: 'Status', value: stateLabelFor(request.state, viewer) },
      ],
    },
    labelled('Host', hostLine, 300),
    { type: 'FactSet', facts: [{ title: 'Setting', value: settingLine(view) }] },
    ...(viewer === 'visitor' ? visitorTimeFacts(view) : []),
    ...(!options.forManager && (viewer === 'manager' || viewer === 'programme_lead')
      ? managerCoverFacts(view)
      : []),
    ...(options.forManager
      ? [...releaseFacts(view), ...(request.coverNotes ? [labelled('Cover notes', request.coverNotes)] : [])]
      : []),
  ];
}
