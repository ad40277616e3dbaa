import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { createDispatcher, type Dispatcher } from '../app/dispatcher';
import type { UnreachableHook } from '../graph/installForUnreachable';
import { createServices, type Services } from '../app/services';
import type { WorkingTimeSettings } from '../domain/clash';
import type { CoverRates } from '../domain/cover/coverRates';
import type { SentenceModel, Timers } from '../domain/requestDialog/modelReading';
import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import { ReadAheadStore } from '../store/readAheadStore';
import type { AppTurnState } from './appTurnState';
import { outsideAnswer, whenAnswered } from './afterAnswer';
import { BotStateStorage } from './botStateStorage';
import { BotTurnState } from './botTurnState';
import { RecentSearchReads } from '../app/recentSearchReads';
import { createRecentCopies } from './recentCopies';
import { registerButtonsOfPeopleGone } from './handlers/buttonsOfPeopleGone';
import { registerCardActions } from './handlers/cardActions';
import { registerCoverActions } from './handlers/coverActions';
import { registerDecisionActions } from './handlers/decisionActions';
import { registerOfferActions } from './handlers/offerDialogHandlers';
import { registerOutcomeActions } from './handlers/outcomeActions';
import { registerDataRightsHandlers } from './handlers/dataRightsHandlers';
import type { RetentionSettings } from '../app/dataRights/retention';
import type { BankHolidayRegion } from '../domain/time/bankHolidays';
import { SendRateLimiter, type SendRateLimiterOptions } from '../app/sending/sendRateLimiter';
import { SEND_TIMEOUT_MS, TeamsDeliverer } from './teamsDeliverer';
import { RecentRequestViews } from '../app/sending/recentRequestViews';
import { createWelcomeCard } from './cards/welcomeCard';
import { handleMessage } from './handlers/messageHandler';
import { createReportMaker } from './handlers/reportHandlers';
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from '../domain/digest/digestSettings';
import { registerUnhandledInvoke } from './handlers/unhandledInvoke';
import { firstName, identifyPerson } from './identity';
import { sendCard } from './replies';
import { settleSendingDraft } from './sendingDraft';
import { readAheadForTurn } from './readAheadForTurn';
import { finishTurnWork } from './turnWork';
import type { TurnTools } from './turnTools';
import { createTurnErrorHandler } from './turnErrorHandler';

export interface BotDependencies {
  adapter: TeamsAdapter;
  store: DocumentStore;
  logger: Logger;
  clock?: () => Date;
  retention?: RetentionSettings;
  /** A changed date goes back to the manager. */
  reapproveNewTime?: boolean;
  /** Whose bank holidays working days skip; England and Wales unless given. */
  bankHolidayRegion?: BankHolidayRegion;
  /** Working-time rule sets; the shipped defaults without them. */
  workingTime?: WorkingTimeSettings;
  /** Estimated backfill rates and named rota coordinators; the shipped estimates without them. */
  coverRates?: CoverRates;
  /** The optional language model for free text, and (tests) the timers its time limit runs on. */
  sentenceModel?: SentenceModel;
  modelTimers?: Timers;
  /** Called when a message cannot reach someone; true when it will be tried again (src/graph/installForUnreachable.ts). */
  reachOut?: UnreachableHook;
  /** The bot's app id for proactive messages; empty in local mode. */
  botAppId?: string;
  /** Off in tests under TestAdapter, where a typing indicator would add noise. */
  startTypingTimer?: boolean;
  /**
   * The time proactive sends are paced and paused by, and that a write after a send or a card
   * update waits before the store is asked again (tests: time that passes when waited on).
   */
  sendTime?: Pick<SendRateLimiterOptions, 'now' | 'sleep'>;
  /** Weekly digest timing and extra programme leads; the defaults without it. */
  digest?: DigestSettings;
  /** Proactive messages a second, shared by every instance through the store (SEND_RATE_PER_SECOND). */
  sendRatePerSecond?: number;
}

/** Builds the Teams application: every route the bot answers is registered here. */
export interface Bot {
  app: Application<AppTurnState>;
  dispatcher: Dispatcher;
  services: Services;
}

/**
 * The Teams application, each turn of which starts reading the documents its activity names
 * while the bot's own state is read, so a turn waits for one round trip to the store, not two.
 */
class ReadingAheadApplication extends Application<AppTurnState> {
  constructor(
    private readonly store: ReadAheadStore,
    private readonly services: Services,
    options: ConstructorParameters<typeof Application<AppTurnState>>[0],
  ) {
    super(options);
  }

  override run(context: TurnContext): Promise<boolean> {
    return this.store.runTurn(async () => {
      readAheadForTurn(context, this.store, this.services);
      try {
        return await super.run(context);
      } finally {
        // Work a handler left to finish while the state was saved (see finishBeforeTurnEnds).
        await finishTurnWork(context);
      }
    });
  }
}

export function createBot({
  adapter,
  store: rawStore,
  logger,
  clock,
  retention,
  reapproveNewTime,
  bankHolidayRegion,
  workingTime,
  coverRates,
  sentenceModel,
  modelTimers,
  reachOut,
  botAppId = '',
  startTypingTimer = true,
  digest = DEFAULT_DIGEST_SETTINGS,
  sendRatePerSecond,
  sendTime,
}: BotDependencies): Bot {
  const store = new ReadAheadStore(rawStore);
  const recent = createRecentCopies(store, clock);
  const searchReads = new RecentSearchReads(store, clock ? () => clock().getTime() : undefined);
  // Messages are queued only once the bot answers turns, by which time the dispatcher exists.
  const services: Services = createServices(store, clock, (queued) => dispatcher.kick(queued), retention, {
    recentPeople: recent.people,
    searchReads,
    reapproveNewTime,
    bankHolidayRegion,
    workingTime,
    coverRates,
    sentenceModel,
    modelTimers,
    logger,
  });
  const delivering = createDispatcher(
    store,
    services,
    new TeamsDeliverer(
      adapter,
      botAppId,
      services,
      new SendRateLimiter({
        store: rawStore,
        ...(sendRatePerSecond ? { perSecond: sendRatePerSecond } : {}),
        ...sendTime,
      }),
      SEND_TIMEOUT_MS,
      new RecentRequestViews(store),
      logger.child({ component: 'deliverer' }),
      sendTime?.sleep,
    ),
    logger,
    digest,
    reachOut,
    sendTime?.sleep ? { sleep: sendTime.sleep } : {},
  );
  // Deliveries outlive the turn that queued them: they read the store afresh, not the turn's reads,
  // and start once the turn has answered, so the person's answer does not wait for their work.
  const dispatcher: Dispatcher = {
    ...delivering,
    kick: (queued, after = whenAnswered(), pressed) =>
      store.outsideTurn(() => outsideAnswer(() => delivering.kick(queued, after, pressed))),
    // What a move files after its answer kicks deliveries of its own: waited for first.
    idle: async () => {
      await services.afterAnswer.idle();
      await delivering.idle();
    },
  };
  const reports = createReportMaker(store, services, digest);
  const app = new ReadingAheadApplication(store, services, {
    adapter,
    storage: new BotStateStorage(store, logger, recent.userState),
    turnStateFactory: () => new BotTurnState(),
    startTypingTimer,
    removeRecipientMention: true,
  });

  const welcome = async (context: TurnContext, state: AppTurnState) => {
    const person = await identifyPerson(context, services.people);
    await sendCard(context, createWelcomeCard(firstName(person)), 'Welcome to job shadowing');
    state.user.welcomed = true;
  };

  // Installing the app (also through Graph, for a manager the bot has not met) stores the
  // person's conversation, so proactive cards can reach them.
  app.activity('installationUpdate', async (context) => {
    await identifyPerson(context, services.people);
  });

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id !== botId)) await welcome(context, state);
  });

  // A draft saved while its request was being written is settled before any handler reads it.
  app.turn('beforeTurn', async (context, state) => {
    await settleSendingDraft(context, state, services);
    return true;
  });

  // The request conversation's log, and the waits between its retries (real unless sendTime gives them).
  const tools: TurnTools = { logger, ...(sendTime?.sleep ? { sleep: sendTime.sleep } : {}) };
  registerCardActions(app, services, tools);
  registerButtonsOfPeopleGone(app, services, logger);
  registerOfferActions(app, services, logger);
  registerDecisionActions(app, services, dispatcher, logger);
  registerCoverActions(app, services, dispatcher, logger);
  registerOutcomeActions(app, services, logger);
  registerDataRightsHandlers(app, services, store, logger);

  app.activity('message', async (context, state) => {
    if (context.activity.value !== undefined && !context.activity.text) {
      logger.warn({ activityId: context.activity.id }, 'card submission not recognised');
      await context.sendActivity(
        'That button is from an old or unknown card, so I have not done anything. Type "help" to see what you can do.',
      );
      return;
    }
    await handleMessage(context, state, services, welcome, tools, reports);
  });

  registerUnhandledInvoke(app, logger);
  app.error(createTurnErrorHandler(logger));
  return { app, dispatcher, services };
}
