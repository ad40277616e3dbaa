import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { decideAction } from './decideAction';
import { createHostConfirmationCard } from './hostConfirmationCard';
import type { Viewer } from '../../domain/workflow/viewers';
import { heading, hint } from './requestCardParts';
import { labelled, requestFacts } from './requestFacts';

export const PRE_VISIT_CHECKLIST = [
  'Wear your trust ID badge.',
  'Follow the dress and infection-control code of the area (bare below the elbows on clinical floors).',
  'Everything you see and hear is confidential, as in your own job.',
  'You are there to observe: you take no clinical decisions and give no care.',
  'The host will ask patients whether they are happy to have an observer; if anyone says no, step out.',
];

/** Outlook / Teams calendar deep link, prefilled; opens in the person's own calendar. */
export function calendarLink(view: RequestView): string | undefined {
  const { start, end } = view.request;
  if (!start || !end) return undefined;
  const params = new URLSearchParams({
    subject: `Shadowing: ${view.request.offerTitle ?? 'visit'}`,
    startTime: start,
    endTime: end,
    content: `Meet at: ${view.offer?.meetingPoint ?? 'see the confirmation in Teams'}`,
  });
  return `https://teams.microsoft.com/l/meeting/new?${params.toString()}`;
}

/**
 * Sent to the visitor and the host when the visit is confirmed, and again the day before, each in
 * their own words: the host's card is the host's (`viewer` 'host'), anyone else's the visitor's.
 */
export function createConfirmationCard(
  view: RequestView,
  options: { dayBefore?: boolean; viewer?: Viewer } = {},
): AdaptiveCardJson {
  const link = calendarLink(view);
  if (options.viewer === 'host')
    return createHostConfirmationCard(view, { dayBefore: options.dayBefore, calendarLink: link });
  return adaptiveCard(
    [
      heading(
        options.dayBefore
          ? 'Reminder: your shadowing visit is tomorrow'
          : 'Your shadowing visit is confirmed',
      ),
      ...requestFacts(view),
      labelled('Where to meet', view.offer?.meetingPoint ?? 'Ask the host', 400),
      labelled('Whom to ask for', view.host ? `${view.host.name}, ${view.host.jobTitle}` : 'The host', 200),
      { type: 'TextBlock', text: 'Before you go', weight: 'Bolder', wrap: true },
      ...PRE_VISIT_CHECKLIST.map((item) => ({
        type: 'TextBlock',
        text: `- ${item}`,
        wrap: true,
        spacing: 'Small',
      })),
      hint('To change the date, cancel this visit and ask again; the host and your manager are told.'),
    ],
    [
      ...(link ? [{ type: 'Action.OpenUrl', title: 'Add to my calendar', url: link }] : []),
      decideAction('Cancel the visit', 'cancel', view.request, 'destructive'),
    ],
  );
}
