import { createHash } from 'node:crypto';
import type { AdaptiveCardJson } from './cards/cardTypes';

/** A short fingerprint of a card's content: two cards with the same one show the same thing. */
export function digestOfCard(card: AdaptiveCardJson): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('base64url').slice(0, 22);
}

/** Whether a card has a button that acts (a decision, a submission), not only text or links. */
export function offersButtons(card: unknown): boolean {
  if (Array.isArray(card)) return card.some(offersButtons);
  if (!card || typeof card !== 'object') return false;
  const { type } = card as { type?: unknown };
  if (type === 'Action.Execute' || type === 'Action.Submit') return true;
  return Object.values(card).some(offersButtons);
}
