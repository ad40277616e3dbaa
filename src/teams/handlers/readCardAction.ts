import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { Services } from '../../app/services';
import type { Person } from '../../domain/people';
import type { Logger } from '../../logging/logger';
import { actorId } from '../identity';

/** What a request card's button hears when its data cannot be read or its clicker is unknown. */
export const UNREADABLE_CARD_ACTION =
  'I could not read that button, or I do not know who you are, so nothing has been changed.';

/**
 * A card button's data, checked against its schema, and the person who clicked it (always the Teams
 * user on the activity). Undefined, with a warning naming `refused`, when either cannot be had.
 */
export async function readCardAction<S extends z.ZodTypeAny>(
  context: TurnContext,
  data: unknown,
  schema: S,
  services: Services,
  logger: Logger,
  refused: string,
): Promise<{ data: z.output<S>; actor: Person } | undefined> {
  const parsed = schema.safeParse(data);
  const id = actorId(context);
  const actor = id ? await services.people.findById(id) : undefined;
  if (parsed.success && actor) return { data: parsed.data as z.output<S>, actor };
  logger.warn(
    { activityId: context.activity.id, parsed: parsed.success, knownActor: Boolean(actor) },
    `${refused}: unreadable card or unknown person`,
  );
  return undefined;
}
