import type { ExchangesRepository } from '../../store/repositories/exchangesRepository';
import type { RetentionSettings } from '../dataRights/retention';
import type { Services } from '../services';

/** The services after-visit work needs: the usual ones, the exchange log and how long to keep things. */
export type OutcomeServices = Services & { exchanges: ExchangesRepository; retention?: RetentionSettings };
