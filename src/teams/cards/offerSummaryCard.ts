import type { OfferDraft, OfferField } from '../../domain/offerDialog/offerDraft';
import { describeSessions } from '../../domain/clash/rules/describeSessions';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { describeOpenTo, describeSetting, PROFESSION_WORDS } from './offerCardParts';
import { heading, hint, problemBlock, summaryRow } from './requestCardParts';

/** Everything the host has said, each with a Change button, and the button that saves it. */
export function createOfferSummaryCard(draft: OfferDraft, problem?: string): AdaptiveCardJson {
  const rows: Array<[OfferField, string, string]> = [
    ['title', 'Name', draft.title ?? ''],
    ['description', 'What a visitor will see and learn', draft.description ?? ''],
    ['profession', 'Staff group', draft.profession ? PROFESSION_WORDS[draft.profession] : ''],
    ['department', 'Department', draft.department ?? ''],
    ['setting', 'Setting', draft.setting ? describeSetting(draft.setting) : ''],
    ['sessions', 'When', describeSessions(draft.sessions ?? [])],
    ['perWeek', 'Visitors a week', String(draft.capacityPerWeek ?? '')],
    ['perMonth', 'Visitors a month', String(draft.capacityPerMonth ?? '')],
    ['openTo', 'Who may visit', describeOpenTo(draft.openTo ?? [])],
    ['prerequisites', 'Before visiting', draft.prerequisites || 'Nothing needed'],
    ['meetingPoint', 'Where to meet', draft.meetingPoint ?? ''],
  ];
  const saving = draft.offerId ? 'Save changes' : 'Save offer';
  return adaptiveCard(
    [
      heading(draft.offerId ? 'Change your offer' : 'Check your offer'),
      ...problemBlock(problem),
      ...rows.map(([field, label, value]) =>
        summaryRow(label, value, {
          title: 'Change',
          tooltip: `Change ${label.toLowerCase()}`,
          data: { verb: 'offer_edit', field },
        }),
      ),
      hint(
        draft.offerId
          ? 'Your changes show in search as soon as you save them.'
          : 'When you save it, colleagues can find your offer when they search.',
      ),
    ],
    [
      { type: 'Action.Submit', title: saving, style: 'positive', data: { verb: 'offer_submit' } },
      {
        type: 'Action.Submit',
        title: draft.offerId ? 'Cancel changes' : 'Cancel offer',
        data: { verb: 'offer_control', word: 'cancel' },
      },
    ],
  );
}
