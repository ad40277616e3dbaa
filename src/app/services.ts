import { bankHolidaysFor, type BankHolidayRegion, type BankHolidays } from '../domain/time/bankHolidays';
import { DEFAULT_WORKING_TIME_SETTINGS, type WorkingTimeSettings } from '../domain/clash';
import type { CoverRates } from '../domain/cover/coverRates';
import { DEFAULT_COVER_RATES } from '../domain/cover/defaultCoverRates';
import type { SentenceModel, Timers } from '../domain/requestDialog/modelReading';
import type { DocumentStore } from '../store/documentStore';
import type { RetentionSettings } from './dataRights/retention';
import type { Notification } from './notifications';
import { createLogger, type Logger } from '../logging/logger';
import { createAfterAnswer, type AfterAnswer } from './afterAnswer';
import { HoldsRepository } from '../store/repositories/holdsRepository';
import { ExchangesRepository } from '../store/repositories/exchangesRepository';
import { OutboxRepository } from '../store/repositories/outboxRepository';
import { OffersRepository } from '../store/repositories/offersRepository';
import { PeopleRepository, type RecentPeople } from '../store/repositories/peopleRepository';
import { RequestsRepository } from '../store/repositories/requestsRepository';
import { RotaRepository } from '../store/repositories/rotaRepository';
import { ReadAheadStore } from '../store/readAheadStore';
import { TasksRepository } from '../store/repositories/tasksRepository';
import type { RecentSearchReads, SearchSources } from './recentSearchReads';

/** Everything a handler or command needs, built once over one store. */
export interface Services {
  people: PeopleRepository;
  requests: RequestsRepository;
  offers: OffersRepository;
  rota: RotaRepository;
  tasks: TasksRepository;
  holds: HoldsRepository;
  outbox: OutboxRepository;
  exchanges: ExchangesRepository;
  /**
   * What the host search reads (rotas, places, the visitor's open requests, hosts' names) through
   * this instance's recent copies (RecentSearchReads); without it, the search reads the store.
   * Never for anything that decides: sending and the decisions read the repositories.
   */
  searchSources?: SearchSources;
  /** When a visitor takes a new time the host proposed, the manager approves it again. */
  reapproveNewTime?: boolean;
  /** The bank holidays working days skip (BANK_HOLIDAY_REGION; England and Wales unless set). */
  bankHolidays: BankHolidays;
  /** Working-time rules per staff group, from the rule-set file or the shipped defaults. */
  workingTime: WorkingTimeSettings;
  /** Estimated backfill rates per staff group and grade, and rota coordinators named per department. */
  coverRates: CoverRates;
  /** How long closed records are kept; absent means for ever. */
  retention?: RetentionSettings;
  /** An optional language model for free text (AZURE_OPENAI_*), and the timers its 2 s limit runs on. */
  sentenceModel?: SentenceModel;
  modelTimers?: Timers;
  clock: () => Date;
  /** Hands freshly queued messages to the sender; they are delivered by the scheduler regardless. */
  notify: (queued: Notification[]) => void;
  /**
   * What a move owes once its record is written, filed after the answer (see AfterAnswer); what
   * it queued goes to `notify` unless the caller names another sender.
   */
  afterAnswer: AfterAnswer;
  /**
   * Runs reads that must see the store as it is now, not a copy this turn read earlier: for a
   * document another instance may have written after this turn read it (read ahead) but before
   * this turn read something that depends on it. Runs the work as it is when no turn keeps reads.
   */
  afresh: <T>(work: () => Promise<T>) => Promise<T>;
}

export function createServices(
  store: DocumentStore,
  clock: () => Date = () => new Date(),
  notify: (queued: Notification[]) => void = () => undefined,
  retention?: RetentionSettings,
  policy: {
    /** This instance's recent copies of people (see RecentPeople). */
    recentPeople?: RecentPeople;
    /** This instance's recent copies of what host searches read. */
    searchReads?: RecentSearchReads;
    reapproveNewTime?: boolean;
    bankHolidayRegion?: BankHolidayRegion;
    workingTime?: WorkingTimeSettings;
    coverRates?: CoverRates;
    sentenceModel?: SentenceModel;
    modelTimers?: Timers;
    /** Where work after an answer logs its failures; errors to standard output without it. */
    logger?: Logger;
  } = {},
): Services {
  const people = new PeopleRepository(store, policy.recentPeople);
  const requests = new RequestsRepository(store);
  const rota = new RotaRepository(store);
  const holds = new HoldsRepository(store);
  return {
    people,
    requests,
    offers: new OffersRepository(store, () => clock().getTime()),
    rota,
    tasks: new TasksRepository(store),
    holds,
    ...(policy.searchReads
      ? { searchSources: policy.searchReads.sourcesFor({ rota, holds, requests, people }) }
      : {}),
    outbox: new OutboxRepository(store),
    exchanges: new ExchangesRepository(store),
    ...(retention ? { retention } : {}),
    ...(policy.reapproveNewTime ? { reapproveNewTime: true } : {}),
    bankHolidays: bankHolidaysFor(policy.bankHolidayRegion),
    workingTime: policy.workingTime ?? DEFAULT_WORKING_TIME_SETTINGS,
    coverRates: policy.coverRates ?? DEFAULT_COVER_RATES,
    ...(policy.sentenceModel ? { sentenceModel: policy.sentenceModel } : {}),
    ...(policy.modelTimers ? { modelTimers: policy.modelTimers } : {}),
    clock,
    notify,
    afterAnswer: createAfterAnswer(policy.logger ?? errorsOnly(), (queued) => notify(queued)),
    afresh: store instanceof ReadAheadStore ? (work) => store.outsideTurn(work) : (work) => work(),
  };
}

let errorLogger: Logger | undefined;

/** One logger of errors to standard output for services built without one (commands, tests). */
function errorsOnly(): Logger {
  errorLogger ??= createLogger('error');
  return errorLogger;
}
