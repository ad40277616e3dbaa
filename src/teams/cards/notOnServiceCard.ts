import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading } from './requestCardParts';

export const NOT_ON_SERVICE =
  "The shadowing service holds no details about you, so this card's buttons have been taken off. Nothing has been changed.";

/**
 * What a card about a request becomes when someone no longer in the directory (their data erased,
 * or removed by the workforce team) presses one of its buttons: nothing about the request or
 * anyone in it, and no buttons.
 */
export function createNotOnServiceCard(): AdaptiveCardJson {
  return adaptiveCard([
    heading('This card no longer works'),
    { type: 'TextBlock', wrap: true, text: NOT_ON_SERVICE },
    {
      type: 'TextBlock',
      wrap: true,
      isSubtle: true,
      text: 'To use the shadowing service, ask your workforce team to add you.',
    },
  ]);
}
