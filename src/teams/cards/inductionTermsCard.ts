import { SETTING_LABELS, type Setting } from '../../domain/offers';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';
import { heading } from './requestCardParts';

/** What the host agrees to, in plain words. */
export function inductionTerms(setting: Setting): string {
  return (
    `Visitors to ${SETTING_LABELS[setting].toLowerCase()} need a short local induction before they start: ` +
    'fire exits, infection control, where to stand and whom to ask. By accepting, you agree to give each ' +
    'visitor this induction, or to ask a colleague to. Until you accept, the offer stays paused and nobody ' +
    'can ask to visit.'
  );
}

/** Sent to the host of an imported offer in a sensitive setting: accept the induction terms to open it. */
export function createInductionTermsCard(offer: {
  id: string;
  title: string;
  setting: Setting;
}): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading('Your offer needs your agreement before visitors can come'),
      inertText([{ text: offer.title, weight: 'Bolder' }], { maxLength: 150 }),
      { type: 'FactSet', facts: [{ title: 'Setting', value: SETTING_LABELS[offer.setting] }] },
      { type: 'TextBlock', wrap: true, text: inductionTerms(offer.setting) },
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Accept the induction terms',
        tooltip: 'Open this offer to visitors',
        data: { verb: 'offer_accept_induction', offerId: offer.id },
      },
      { type: 'Action.Submit', title: 'See my offers', data: { verb: 'offer_list' } },
    ],
  );
}
