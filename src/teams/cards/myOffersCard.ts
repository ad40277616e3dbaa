import { describeSessions } from '../../domain/clash/rules/describeSessions';
import type { HostOffer } from '../../domain/offers';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { describeCapacity, describeOpenTo, describeSetting } from './offerCardParts';
import { inductionTerms } from './inductionTermsCard';
import { inertText } from './plainText';
import { heading } from './requestCardParts';

const STATUS_WORDS: Record<HostOffer['status'], string> = {
  active: 'Open: visitors can find it',
  paused: 'Paused: hidden from search',
};

const NEW_OFFER = { type: 'Action.Submit', title: 'New offer', data: { verb: 'offer_new' } };

/** A host's offers, oldest first, each with its status and Change / Pause or Resume buttons. */
export function createMyOffersCard(offers: HostOffer[]): AdaptiveCardJson {
  if (offers.length === 0) {
    return adaptiveCard(
      [
        heading('Your offers'),
        { type: 'TextBlock', wrap: true, text: 'You are not offering any visits yet.' },
      ],
      [NEW_OFFER],
    );
  }
  return adaptiveCard([heading('Your offers'), ...offers.map(offerBlock)], [NEW_OFFER]);
}

const ACCEPT_INDUCTION = (offer: HostOffer) => ({
  type: 'Action.Submit',
  title: 'Accept the induction terms',
  tooltip: 'Open this offer to visitors',
  data: { verb: 'offer_accept_induction', offerId: offer.id },
});

function offerBlock(offer: HostOffer): Record<string, unknown> {
  const toggle = offer.awaitingInduction
    ? ACCEPT_INDUCTION(offer)
    : offer.status === 'active'
      ? {
          type: 'Action.Submit',
          title: 'Pause',
          tooltip: 'Hide this offer from search for now',
          data: { verb: 'offer_pause', offerId: offer.id },
        }
      : {
          type: 'Action.Submit',
          title: 'Resume',
          tooltip: 'Show this offer in search again',
          data: { verb: 'offer_resume', offerId: offer.id },
        };
  return {
    type: 'Container',
    separator: true,
    items: [
      inertText([{ text: offer.title, weight: 'Bolder' }], { maxLength: 150 }),
      {
        type: 'FactSet',
        facts: [
          {
            title: 'Status',
            value: offer.awaitingInduction
              ? 'Paused until you accept the induction terms'
              : STATUS_WORDS[offer.status],
          },
          { title: 'Setting', value: describeSetting(offer.setting) },
          { title: 'When', value: describeSessions(offer.sessions) },
          { title: 'Places', value: describeCapacity(offer) },
          { title: 'Who may visit', value: describeOpenTo(offer.openTo) },
        ],
      },
      inertText([{ text: `Meet at: ${offer.meetingPoint}`, isSubtle: true }], { maxLength: 300 }),
      ...(offer.awaitingInduction
        ? [{ type: 'TextBlock', wrap: true, text: inductionTerms(offer.setting) }]
        : []),
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Submit',
            title: 'Change',
            tooltip: 'Change this offer',
            data: { verb: 'offer_change', offerId: offer.id },
          },
          toggle,
        ],
      },
    ],
  };
}
