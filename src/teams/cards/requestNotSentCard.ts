import type { Notification } from '../../app/notifications';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';
import { heading } from './requestCardParts';

/** To the visitor: a request whose send stopped before its place was held was never sent. */
export function createRequestNotSentCard(notification: Notification): AdaptiveCardJson {
  return adaptiveCard([
    heading('Your request was not sent'),
    inertText([notification.note ?? 'Your manager has not been asked. Please send it again.'], {
      maxLength: 600,
    }),
  ]);
}
