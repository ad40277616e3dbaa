import type { Logger } from '../logging/logger';
import type { Sleep } from '../shared/retryWhileFailing';

/** What work in a turn may need from the bot besides the services: its log, and the waits of its retries (real without them). */
export interface TurnTools {
  logger: Logger;
  sleep?: Sleep;
}
