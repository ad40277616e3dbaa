import type { Notification } from '../../app/notifications';
import type { DigestContent } from '../../domain/digest/digestTypes';
import { outlineDigest } from '../../domain/digest/outlineDigest';
import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';
import { outlineCardBody } from './outlineCardParts';

/** One person's weekly digest: their lists and, for a programme lead, the figures and a chart. */
export function createDigestCard(content: DigestContent): AdaptiveCardJson {
  const roles = new Set(content.sections.map((s) => s.role));
  const actions = [
    ...(roles.has('visitor') ? [commandButton('My requests', 'my_requests')] : []),
    ...(roles.has('host') ? [commandButton('My offers', 'my_offers')] : []),
  ];
  const card = adaptiveCard(
    outlineCardBody(outlineDigest(content)),
    actions.length > 0 ? actions : undefined,
  );
  return { ...card, msteams: { width: 'Full' } };
}

/** The card a queued weekly digest becomes; the digest travels with the message. */
export function renderDigestNotification(notification: Notification): AdaptiveCardJson {
  if (notification.payload) return createDigestCard(notification.payload);
  return adaptiveCard([
    { type: 'TextBlock', text: 'Your weekly job shadowing digest is empty this week.', wrap: true },
  ]);
}
