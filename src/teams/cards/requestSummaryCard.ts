import { SETTING_LABELS } from '../../domain/offers';
import type { DraftField, RequestDraft } from '../../domain/requestDialog/draft';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading, hint, problemBlock, summaryRow } from './requestCardParts';

const LENGTH_WORDS = { am: 'Morning', pm: 'Afternoon', full_day: 'Full day', custom: 'Other times' } as const;

function describeSettings(draft: RequestDraft): string {
  if (draft.avoidSettings?.length)
    return `Any but ${draft.avoidSettings.map((s) => SETTING_LABELS[s].toLowerCase()).join(' or ')}`;
  if (draft.settings?.length) return draft.settings.map((s) => SETTING_LABELS[s]).join(', ');
  return 'Any';
}

/** "Tue 8 Dec, 09:00-13:00" and, below it, whose time it is in plain words. */
function whenWords(slot: NonNullable<RequestDraft['slot']>): string {
  const time = formatVisitTime(slot.start, slot.end);
  return slot.basis ? `${time}\n${capitalise(slot.basis)}.` : time;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Everything the visitor has said, each with a Change button, and the button that sends it. */
export function createRequestSummaryCard(draft: RequestDraft, problem?: string): AdaptiveCardJson {
  const rows: Array<[DraftField, string, string]> = [
    ['what', 'To shadow', draft.what ?? ''],
    ['purpose', 'Why', draft.purpose ?? ''],
    ['objectives', 'To learn', (draft.objectives ?? []).map((o, i) => `${i + 1}. ${o}`).join('\n')],
    [
      'length',
      'Length',
      draft.length === 'custom' && draft.customTimes
        ? `${draft.customTimes.start}-${draft.customTimes.end}`
        : LENGTH_WORDS[draft.length ?? 'am'],
    ],
    ['setting', 'Settings', describeSettings(draft)],
    ['host', 'Host', draft.chosen ? `${draft.chosen.title} with ${draft.chosen.hostName}` : ''],
    ['slot', 'When', draft.slot ? whenWords(draft.slot) : ''],
  ];
  return adaptiveCard(
    [
      heading('Check your request'),
      ...problemBlock(problem),
      ...rows.map(([field, label, value]) =>
        summaryRow(label, value, {
          title: `Change ${label.toLowerCase()}`,
          data: { verb: 'draft_edit', field },
        }),
      ),
      ...(draft.chosen?.sensitive
        ? [hint('This setting needs an induction: the host will agree it with you before the visit.')]
        : []),
      hint(
        draft.slot?.label === 'own time'
          ? 'When you send it, your line manager is asked to agree the visit. You will hear back here.'
          : 'When you send it, your line manager is asked to release you. You will hear back here.',
      ),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Send to my manager',
        style: 'positive',
        data: { verb: 'draft_submit', ...(draft.id ? { draftId: draft.id } : {}), ...chosenVisit(draft) },
      },
      { type: 'Action.Submit', title: 'Cancel request', data: { verb: 'draft_control', word: 'cancel' } },
    ],
  );
}

/**
 * The host and time chosen, so that sending can read the offer, both rotas and the places with
 * the person and the draft; sending still works from the draft as the conversation holds it.
 */
function chosenVisit(draft: RequestDraft): Record<string, string> {
  const { chosen, slot } = draft;
  return chosen && slot
    ? { hostId: chosen.hostId, offerId: chosen.offerId, start: slot.start, end: slot.end }
    : {};
}
