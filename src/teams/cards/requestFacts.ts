import type { RequestView } from '../../app/describeRequest';
import { SENSITIVE_SETTINGS, SETTING_LABELS } from '../../domain/offers';
import { stateLabelFor } from '../../domain/requestStateLabels';
import type { Viewer } from '../../domain/workflow/viewers';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { inertText } from './plainText';

const ROTA_WORDS = {
  rostered_on: 'Yes: rostered to work then. Release and cover are needed.',
  on_call: 'On call then. Release and cover are needed.',
  on_leave: 'On leave then: going in their own time.',
  not_rostered: 'No: not rostered then. No cover needed.',
} as const;

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
    ...(options.forManager
      ? [
          {
            type: 'FactSet',
            facts: [
              { title: 'Rostered then?', value: ROTA_WORDS[view.visitorRota] },
              {
                title: 'Shadowing this year',
                value:
                  view.doneThisYear === 0
                    ? 'None yet'
                    : `${view.doneThisYear} visit${view.doneThisYear > 1 ? 's' : ''}`,
              },
              { title: 'Costs', value: 'None: an internal visit within working hours.' },
            ],
          },
          ...(request.coverNotes ? [labelled('Cover notes', request.coverNotes)] : []),
        ]
      : []),
  ];
}
