import { TurnContext } from 'botbuilder';
import type { Person } from '../domain/people';
import type { PeopleRepository } from '../store/repositories/peopleRepository';

/** The acting person is always the Teams user on the activity, never an id carried in card data. */
export function actorId(context: TurnContext): string | undefined {
  return context.activity.from?.aadObjectId ?? undefined;
}

/** Looks up the person on this turn and keeps their conversation reference current. */
export async function identifyPerson(context: TurnContext, people: PeopleRepository): Promise<Person | undefined> {
  const id = actorId(context);
  if (!id) return undefined;
  const person = await people.findById(id);
  if (person) {
    const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    await people.rememberConversation(person.id, reference);
  }
  return person;
}

export function firstName(person: Person | undefined): string | undefined {
  return person?.name.split(' ')[0];
}
