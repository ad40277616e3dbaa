import { TurnContext } from 'botbuilder';
import type { Person } from '../domain/people';
import type { PeopleRepository } from '../store/repositories/peopleRepository';

/** The acting person is always the Teams user on the activity, never an id carried in card data. */
export function actorId(context: TurnContext): string | undefined {
  return context.activity.from?.aadObjectId ?? undefined;
}

const PERSON_KEY = Symbol('person on this turn');

/**
 * Looks up the person on this turn (once per turn) and keeps their conversation reference
 * current. The reference leaves out the incoming activity's id, which changes every turn, so the
 * person's record is rewritten only when the conversation itself changes.
 */
export async function identifyPerson(
  context: TurnContext,
  people: PeopleRepository,
): Promise<Person | undefined> {
  if (context.turnState.has(PERSON_KEY)) return context.turnState.get(PERSON_KEY) as Person | undefined;
  const id = actorId(context);
  const found = id ? await people.findVersioned(id) : undefined;
  if (found) {
    const { activityId: _changesEveryTurn, ...reference } = TurnContext.getConversationReference(
      context.activity,
    ) as Record<string, unknown>;
    await people.rememberConversation(found.doc.id, reference, found);
  }
  context.turnState.set(PERSON_KEY, found?.doc);
  return found?.doc;
}

export function firstName(person: Person | undefined): string | undefined {
  return person?.name.split(' ')[0];
}
