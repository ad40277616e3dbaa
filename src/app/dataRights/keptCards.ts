import { mentionsPerson, scrubPerson, type ErasedPerson } from '../../domain/dataRights/anonymise';
import { KINDS_WITH_BUTTONS, type Notification } from '../notifications';

/**
 * What is kept of a message to someone else that mentions the erased person: only a card with
 * buttons already in that someone's chat, so its buttons can still be taken off once the request
 * is settled (see erasedParties). It keeps what finds the card (its id, recipient, request and
 * Teams activity) and follows an erased visitor's request to its new partition; it loses its
 * note if the note names the person, and the fingerprint of what it showed (so it is drawn again).
 * Anything else goes: a message not sent, or without buttons, or whose id names the person.
 */
export function keptCard(
  message: Notification,
  person: ErasedPerson,
  movedTo: string | undefined,
): Notification | undefined {
  const { note, drawn: _drawn, lastError: _error, ...rest } = message;
  const sentWithButtons =
    message.status === 'sent' && message.activityId !== undefined && KINDS_WITH_BUTTONS.has(message.kind);
  const visitorId = message.visitorId === person.id ? movedTo : message.visitorId;
  if (!sentWithButtons || !visitorId || mentionsPerson(message.id, person)) return undefined;
  return scrubPerson(
    { ...rest, visitorId, ...(note !== undefined && !mentionsPerson(note, person) ? { note } : {}) },
    person,
  );
}
