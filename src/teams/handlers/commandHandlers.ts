import type { TurnContext } from 'botbuilder';
import type { Services } from '../../app/services';
import type { Person } from '../../domain/people';
import { OPEN_STATES } from '../../domain/workflow/transitions';
import type { AppTurnState } from '../appTurnState';
import { createHelpCard } from '../cards/helpCard';
import { createMyRequestsCard } from '../cards/myRequestsCard';
import type { Command } from '../commands';
import { sendCard } from '../replies';
import { beginOffer, showMyOffers } from './offerDialogHandlers';
import { beginRequest } from './requestDialogHandlers';

export const NOT_IN_DIRECTORY =
  "I can't find you in the staff directory yet, so I can't arrange visits for you. Please ask your workforce team to add you; your Teams account is all they need.";

export const NOT_UNDERSTOOD =
  'Sorry, I did not understand that. I can help you request a shadowing visit, offer to host visitors, or show your requests. Type "help" to see what you can ask.';

export const NOTHING_TO_CANCEL =
  'There is nothing open to cancel. To cancel a request you have sent, type "my requests"; to ask for a visit, type "new request".';

/** Runs one named command for the person on this turn. */
export async function runCommand(
  command: Command,
  context: TurnContext,
  state: AppTurnState,
  person: Person | undefined,
  services: Services,
): Promise<void> {
  if (command === 'help') {
    await sendCard(context, createHelpCard(), 'What you can ask me');
    return;
  }
  if (!person) {
    await context.sendActivity(NOT_IN_DIRECTORY);
    return;
  }
  switch (command) {
    case 'my_requests':
      await showMyRequests(context, person, services);
      return;
    case 'new_request':
      await beginRequest(context, state, person, services);
      return;
    case 'offer_to_host':
      await beginOffer(context, state, person, services);
      return;
    case 'my_offers':
      await showMyOffers(context, person, services);
      return;
  }
}

export async function showMyRequests(
  context: TurnContext,
  person: Person,
  services: Services,
): Promise<void> {
  const requests = await services.requests.listForVisitor(person.id);
  await sendCard(context, createMyRequestsCard(requests, OPEN_STATES), 'Your requests');
}
