import { randomUUID } from 'node:crypto';
import { addDays, toLondonDate, toLondonInstant } from '../domain/time/londonTime';
import type { Logger } from '../logging/logger';
import type { RotaRecheckSummary } from '../app/recheckAfterRotaChange';
import { recheckAndAskForRedraws } from '../app/recheckAndAskForRedraws';
import { createServices } from '../app/services';
import type { WorkingTimeSettings } from '../domain/clash';
import { claimJobLease, updateHeldJob, type HeldJob, type LeasedJob } from '../app/jobLease';
import type { DocumentStore } from '../store/documentStore';
import { PeopleRepository } from '../store/repositories/peopleRepository';
import { RotaRepository } from '../store/repositories/rotaRepository';
import { createGraphClient, type GraphClientChoices } from './createGraphClient';
import type { GraphClient } from './graphClient';
import { GraphDirectory } from './graphDirectory';
import { GraphShifts } from './graphShifts';
import type { GraphSettings } from './graphSettings';
import { syncShiftsTeams, type ShiftsSyncSummary } from './syncShiftsTeams';

/** London time after which the day's sync runs: before the working day, after overnight rota changes. */
export const SHIFTS_SYNC_TIME = '05:00';
/** How far ahead each sync reads. */
export const SHIFTS_SYNC_DAYS = 56;
/** How long one run may hold the day's job; a failed run waits this long before another try. */
export const SHIFTS_SYNC_LEASE_MS = 30 * 60_000;
export const SHIFTS_SYNC_MAX_TRIES = 3;

/** The record of one London day's sync: created once, so one instance runs it. */
interface ShiftsSyncJob extends LeasedJob {
  kind: 'shifts-sync';
  day: string;
  state: 'running' | 'done';
  tries: number;
  added?: number;
  removed?: number;
}

export interface DailyShiftsSyncDeps {
  store: DocumentStore;
  graph: GraphClient;
  settings: Pick<GraphSettings, 'shiftsTeamIds' | 'professionField'>;
  logger: Logger;
  holder: string;
  /** The working-time rules the open visits are checked again under; the shipped ones without it. */
  workingTime?: WorkingTimeSettings;
}

export type DailyShiftsSyncOutcome = 'not due' | 'not this instance' | 'done' | 'failed';

/**
 * Once a London day, after SHIFTS_SYNC_TIME: reads the next eight weeks of every Shifts team into
 * the rota (removing entries Shifts no longer holds, see syncShiftsTeams), then checks again the
 * open visits of everyone read or whose entries were removed (see recheckAfterRotaChange). The
 * day's job record is created by one instance only; a run that fails (or whose
 * instance dies) is taken over when its lease runs out, at most SHIFTS_SYNC_MAX_TRIES times a day.
 */
export async function runDailyShiftsSync(
  deps: DailyShiftsSyncDeps,
  now: Date,
): Promise<DailyShiftsSyncOutcome> {
  const day = toLondonDate(now.getTime());
  if (now.getTime() < toLondonInstant(day, SHIFTS_SYNC_TIME)) return 'not due';
  const held = await claimDay(deps.store, day, now, deps.holder);
  if (!held) return 'not this instance';
  let summary: ShiftsSyncSummary;
  try {
    summary = await syncShiftsTeams(
      {
        shifts: new GraphShifts(deps.graph),
        directory: new GraphDirectory(deps.graph, { professionField: deps.settings.professionField }),
        people: new PeopleRepository(deps.store),
        rota: new RotaRepository(deps.store),
      },
      deps.settings.shiftsTeamIds,
      new Date(toLondonInstant(day, '00:00')),
      new Date(toLondonInstant(addDays(day, SHIFTS_SYNC_DAYS), '00:00')),
    );
  } catch (error) {
    deps.logger.warn(
      { err: error, day, tries: held.job.tries },
      'Shifts sync failed; it is tried again later today',
    );
    return 'failed';
  }
  const rechecked = await recheckOpenVisits(deps, summary.syncedPeople, now);
  if (!rechecked) return 'failed';
  // Undefined when another instance took the job over after the lease ran out; it records the result.
  await updateHeldJob(deps.store, held, { state: 'done', added: summary.added, removed: summary.removed });
  const { added, duplicates, removed, monthsWritten, teamsRead, entriesLeftOut } = summary;
  deps.logger.info(
    {
      day,
      added,
      duplicates,
      removed,
      monthsWritten,
      teamsRead,
      teamsNotFound: summary.teamsNotFound,
      entriesLeftOut,
      ...rechecked,
    },
    'Shifts sync done',
  );
  return 'done';
}

/**
 * The open visits of everyone whose shifts were read, checked again: not only those whose rota
 * gained shifts today, so that a run that failed part way (or yesterday's) is made good by the
 * next. Nobody hears anything about a visit whose rota did not change; the cards already sent
 * about these visits are drawn again by the service where what they show changed (see
 * recheckAndAskForRedraws). Undefined when it failed: the day's run is tried again later.
 */
async function recheckOpenVisits(
  deps: DailyShiftsSyncDeps,
  people: readonly string[],
  now: Date,
): Promise<RotaRecheckSummary | undefined> {
  const services = createServices(deps.store, () => now, undefined, undefined, {
    ...(deps.workingTime ? { workingTime: deps.workingTime } : {}),
  });
  try {
    return await recheckAndAskForRedraws(services, deps.store, people, now);
  } catch (error) {
    deps.logger.error(
      { err: error, people: people.length },
      'Open visits could not be checked against the new shifts',
    );
    return undefined;
  }
}

/**
 * Runs the daily sync from a timer (every ten minutes by default) while the service is up. Does
 * nothing unless Graph is on and GRAPH_SHIFTS_TEAM_IDS names a team. Returns a function that stops it.
 */
export function startDailyShiftsSync(
  options: {
    store: DocumentStore;
    settings: GraphSettings;
    logger: Logger;
    intervalMs?: number;
    clock?: () => Date;
    workingTime?: WorkingTimeSettings;
  },
  choices: GraphClientChoices = {},
): () => void {
  const {
    store,
    settings,
    logger,
    intervalMs = 10 * 60_000,
    clock = () => new Date(),
    workingTime,
  } = options;
  if (!settings.enabled || settings.shiftsTeamIds.length === 0 || intervalMs <= 0) return () => undefined;
  const deps: DailyShiftsSyncDeps = {
    store,
    graph: createGraphClient(settings, choices),
    settings,
    logger: logger.child({ job: 'shifts-sync' }),
    holder: randomUUID(),
    ...(workingTime ? { workingTime } : {}),
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDailyShiftsSync(deps, clock())
      .catch((error: unknown) => deps.logger.error({ err: error }, 'Shifts sync could not start; will retry'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Creates the day's job, or takes over a failed run once its lease has run out and tries are left. */
async function claimDay(
  store: DocumentStore,
  day: string,
  now: Date,
  holder: string,
): Promise<HeldJob<ShiftsSyncJob> | undefined> {
  const id = `shifts-sync:${day}`;
  return claimJobLease<ShiftsSyncJob>(store, {
    id,
    kind: 'shifts-sync',
    holder,
    now,
    leaseMs: SHIFTS_SYNC_LEASE_MS,
    create: (lease) => ({ id, kind: 'shifts-sync', day, state: 'running', tries: 1, ...lease }),
    mayTake: (job) => job.state !== 'done' && job.tries < SHIFTS_SYNC_MAX_TRIES,
    // A failed run waits for its own lease to run out before the next try.
    holderRenews: false,
    onTake: (job) => ({ tries: job.tries + 1 }),
  });
}
