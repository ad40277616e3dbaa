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
  if (found) await people.rememberConversation(found.doc.id, conversationOf(context), found);
  context.turnState.set(PERSON_KEY, found?.doc);
  return found?.doc;
}

/**
 * The person on this turn for a command that shows them only their own data ("my requests",
 * "my offers"): this instance's copy of them from the last few seconds when there is one and
 * their conversation is as that copy has it, else read as `identifyPerson` reads them. The copy
 * is theirs by their Entra ID object id, the id their data is kept under, so it cannot show
 * anyone else's data; a copy another instance has since changed (roles, or removed from the
 * directory) can only show them, for a few seconds more, the list they could see before. Nothing
 * is decided or written from it: every other turn reads the person afresh.
 */
export async function recognisePerson(
  context: TurnContext,
  people: PeopleRepository,
): Promise<Person | undefined> {
  const id = actorId(context);
  const recent = id ? people.findRecent(id, (person) => isCurrent(person, context)) : undefined;
  return recent ? recent.doc : identifyPerson(context, people);
}

/** Whether a turn from this person can use this instance's recent copy of them (see recognisePerson). */
export function canRecognise(context: TurnContext, people: PeopleRepository): boolean {
  const id = actorId(context);
  return id !== undefined && people.hasRecent(id, (person) => isCurrent(person, context));
}

const CONVERSATION_JSON_KEY = Symbol('conversation reference of this turn, as JSON');

/** The conversation of each recent copy, as JSON: worked out once per copy, which is never changed. */
const COPY_CONVERSATION_JSON = new WeakMap<Readonly<Person>, string>();

/** The copy needs no upkeep: same conversation, and not marked unreachable. */
function isCurrent(person: Readonly<Person>, context: TurnContext): boolean {
  if (person.unreachableSince !== undefined) return false;
  let current = context.turnState.get(CONVERSATION_JSON_KEY) as string | undefined;
  if (current === undefined) {
    current = JSON.stringify(conversationOf(context));
    context.turnState.set(CONVERSATION_JSON_KEY, current);
  }
  let copied = COPY_CONVERSATION_JSON.get(person);
  if (copied === undefined) {
    copied = JSON.stringify(person.conversation);
    COPY_CONVERSATION_JSON.set(person, copied);
  }
  return copied === current;
}

/** The reference proactive messages use, without the incoming activity's id (new every turn). */
function conversationOf(context: TurnContext): Record<string, unknown> {
  const { activityId: _changesEveryTurn, ...reference } = TurnContext.getConversationReference(
    context.activity,
  ) as Record<string, unknown>;
  return reference;
}

export function firstName(person: Person | undefined): string | undefined {
  return person?.name.split(' ')[0];
}
