import { SETTING_LABELS } from '../../domain/offers';
import { HOSTS_PER_PAGE } from '../../domain/requestDialog/dialogTypes';
import { formatVisitTime } from '../../domain/time/formatVisit';
import type { HostOption, RequestDraft } from '../../domain/requestDialog/draft';
import { hostsShown } from '../../domain/requestDialog/hostChoice';
import { inertText } from './plainText';
import { choiceButton, heading, hint, slotNotes, slotTitle, WITHOUT_INPUTS } from './requestCardParts';

/** Times shown as buttons under each host. */
const TIMES_SHOWN = 3;

/**
 * Hosts and times in one choice: each host with their next free times as buttons, so one click
 * chooses both; "Other times" for more with that host and "Other hosts" for the next ones.
 */
export function hostAndTimeBlocks(draft: RequestDraft): Array<Record<string, unknown>> {
  const shown = hostsShown(draft);
  const first = (draft.hostPage ?? 0) * HOSTS_PER_PAGE;
  const more = (draft.hostOptions ?? []).length > first + shown.length;
  return [
    heading('Choose a host and a time'),
    hint(
      'Each time is free for both of you. One click chooses both; you can check everything before it is sent.',
    ),
    ...shown.map((option, index) => hostBlock(option, first + index + 1)),
    {
      type: 'ActionSet',
      actions: more
        ? [
            {
              type: 'Action.Submit',
              title: 'Other hosts',
              data: { verb: 'draft_more_hosts' },
              ...WITHOUT_INPUTS,
            },
          ]
        : [],
    },
    hint(
      'To look elsewhere, say "only clinics", "not wards" or "any setting"; for other dates, "change when".',
    ),
  ].filter((block) => !(block.type === 'ActionSet' && (block.actions as unknown[]).length === 0));
}

function hostBlock(option: HostOption, number: number): Record<string, unknown> {
  const setting = `${SETTING_LABELS[option.setting]}${option.sensitive ? ' (needs an agreed induction)' : ''}`;
  // Each time is formatted once, for its button, the button's tooltip and its notes.
  const times = option.slots.slice(0, TIMES_SHOWN).map((slot) => {
    const time = formatVisitTime(slot.start, slot.end);
    return { slot, time, title: slotTitle(slot, time) };
  });
  return {
    type: 'Container',
    separator: true,
    items: [
      inertText([{ text: `${number}. ${option.title}`, weight: 'Bolder' }], { maxLength: 150 }),
      inertText([`${option.hostName}, ${option.department}`], { maxLength: 150 }),
      inertText([`Setting: ${setting}`], { maxLength: 150 }),
      inertText([{ text: option.reason, isSubtle: true }], { maxLength: 200 }),
      {
        type: 'ActionSet',
        actions: [
          ...times.map(({ slot, title }) => ({
            type: 'Action.Submit',
            title,
            tooltip: `Visit ${option.hostName} on ${title}`,
            data: { verb: 'draft_pick', offerId: option.offerId, start: slot.start },
            ...WITHOUT_INPUTS,
          })),
          {
            ...choiceButton('Other times', 'host', option.offerId),
            tooltip: `Other times with ${option.hostName}`,
          },
        ],
      },
      ...times.flatMap(({ slot, time }) => slotNotes(slot, time)),
    ],
  };
}
