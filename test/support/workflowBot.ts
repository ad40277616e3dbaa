import type { Logger } from '../../src/logging/logger';
import type { DocumentStore } from '../../src/store/documentStore';
import { createAdapter } from '../../src/teams/createAdapter';
import { createBot, type Bot, type BotDependencies } from '../../src/teams/createBot';
import { settleBeforeClose } from './settleBeforeClose';
import { skippedWaits } from './skippedWaits';
import type { Workflow } from './workflowFixtures';

/**
 * The real bot over `store` (the workflow's, or a wrapper of it that fails chosen writes), on the
 * clock the test steps, with no typing indicator, and with its sends' waits (429 pauses, retries
 * of a write) passing at once: what matters is what is sent and written, not when.
 */
export function workflowBot(
  workflow: Workflow,
  store: DocumentStore,
  logger: Logger,
  more: Partial<BotDependencies> = {},
): Bot {
  const bot = createBot({
    adapter: createAdapter(),
    store,
    logger,
    clock: () => workflow.services.clock(),
    startTypingTimer: false,
    sendTime: skippedWaits(),
    ...more,
  });
  // Its follow-ups, then the deliveries they queued (the dispatcher's idle waits for both).
  settleBeforeClose(() => bot.dispatcher.idle());
  return bot;
}
