import { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import { PeopleRepository } from '../store/repositories/peopleRepository';
import { RequestsRepository } from '../store/repositories/requestsRepository';
import type { AppTurnState } from './appTurnState';
import { BotStateStorage } from './botStateStorage';
import { createWelcomeCard } from './cards/welcomeCard';
import { COMMANDS, isCommand, parseCommand } from './commands';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { NOT_UNDERSTOOD, runCommand } from './handlers/commandHandlers';
import { firstName, identifyPerson } from './identity';
import { sendCard } from './replies';
import { createTurnErrorHandler } from './turnErrorHandler';

export interface BotDependencies {
  adapter: TeamsAdapter;
  store: DocumentStore;
  logger: Logger;
  /** Off in tests under TestAdapter, where a typing indicator would add noise. */
  startTypingTimer?: boolean;
}

/** Builds the Teams application: every route the bot answers is registered here. */
export function createBot({ adapter, store, logger, startTypingTimer = true }: BotDependencies): Application<AppTurnState> {
  const people = new PeopleRepository(store);
  const deps = { requests: new RequestsRepository(store) };
  const app = new Application<AppTurnState>({
    adapter,
    storage: new BotStateStorage(store),
    startTypingTimer,
    removeRecipientMention: true,
  });

  const welcome = async (context: TurnContext, state: AppTurnState) => {
    const person = await identifyPerson(context, people);
    await sendCard(context, createWelcomeCard(firstName(person)), 'Welcome to job shadowing');
    state.user.welcomed = true;
  };

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id !== botId)) await welcome(context, state);
  });

  app.adaptiveCards.actionSubmit(
    [...COMMANDS],
    async (context, _state, data: { verb?: string }) => {
      if (!isCommand(data.verb)) return;
      await runCommand(data.verb, context, await identifyPerson(context, people), deps);
    },
  );

  app.activity('message', async (context, state) => {
    const command = parseCommand(context.activity.text ?? '');
    if (!state.user.welcomed) {
      await welcome(context, state);
      // The welcome card already answers a first "hello" or "help".
      if (command === 'help') return;
    }
    if (command) {
      await runCommand(command, context, await identifyPerson(context, people), deps);
    } else {
      logger.info({ activityId: context.activity.id }, 'message not understood');
      await context.sendActivity(NOT_UNDERSTOOD);
    }
  });

  app.error(createTurnErrorHandler(logger));
  return app;
}
