import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/people';
import type { RequestsRepository } from '../../store/repositories/requestsRepository';
import { createHelpCard } from '../cards/helpCard';
import { createMyRequestsCard } from '../cards/myRequestsCard';
import type { Command } from '../commands';
import { sendCard } from '../replies';

export interface CommandDependencies {
  requests: RequestsRepository;
}

export const NOT_IN_DIRECTORY =
  "I can't find you in the staff directory yet, so I can't arrange visits for you. Please ask your workforce team to add you; your Teams account is all they need.";

export const NOT_UNDERSTOOD =
  'Sorry, I did not understand that. I can help you request a shadowing visit, offer to host visitors, or show your requests. Type "help" to see what you can ask.';

/** Runs one named command for the person on this turn. */
export async function runCommand(
  command: Command,
  context: TurnContext,
  person: Person | undefined,
  deps: CommandDependencies,
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
      await sendCard(context, createMyRequestsCard(await deps.requests.listForVisitor(person.id)), 'Your requests');
      return;
    case 'new_request':
    case 'offer_to_host':
      await context.sendActivity(
        command === 'new_request'
          ? 'Requesting a visit through chat is not switched on in this version yet. Your programme lead can arrange a visit for you in the meantime.'
          : 'Offering to host through chat is not switched on in this version yet. Your programme lead can add your offer in the meantime.',
      );
      return;
  }
}
