import type { TokenCredential } from '@azure/identity';
import type { Command } from 'commander';
import { addDays, toLondonDate, toLondonInstant } from '../../domain/time/londonTime';
import { createGraphClient } from '../../graph/createGraphClient';
import type { GraphClient } from '../../graph/graphClient';
import { GraphDirectory } from '../../graph/graphDirectory';
import { GraphShifts } from '../../graph/graphShifts';
import { readGraphSettings } from '../../config/graphSettings';
import type { GraphSettings } from '../../graph/graphSettings';
import { checkUserReference, listDirectoryUsers, type DirectoryScope } from '../../graph/listDirectoryUsers';
import { syncDirectoryUsers, type DirectorySyncSummary } from '../../graph/syncDirectoryUsers';
import { syncShiftsTeams, type ShiftsSyncSummary } from '../../graph/syncShiftsTeams';
import type { DocumentStore } from '../../store/documentStore';
import { PeopleRepository } from '../../store/repositories/peopleRepository';
import { RotaRepository } from '../../store/repositories/rotaRepository';
import { withStore, type CliContext, type TextOutput } from '../cliContext';
import { formatCount } from '../import/progressBar';
import { describeRotaRecheck, recheckImportedRota } from '../import/recheckImportedRota';
import { ReportedFailure, UsageError } from '../reportFailure';

export interface GraphSyncDeps {
  store: DocumentStore;
  out: TextOutput;
  err: TextOutput;
  now: () => Date;
  env: Readonly<Record<string, string | undefined>>;
  /** Tests pass a credential for the Graph stub; otherwise DefaultAzureCredential. */
  credential?: TokenCredential;
  sleep?: (ms: number) => Promise<void>;
}

export interface DirectorySyncOptions {
  graph?: boolean;
  user?: string[];
  group?: string;
  all?: boolean;
}

export interface ShiftsSyncOptions {
  shifts?: boolean;
  from?: string;
  to?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_WEEKS = 8;
const MAX_DAYS = 366;

/**
 * `directory sync --graph (--user <email-or-id>... | --group <id> | --all)`: copies staff from
 * Entra ID into the directory, keeping their Entra ID object ids as person ids, with their line
 * managers (managers outside the scope are added too). Running it again changes nothing.
 */
export async function runDirectorySync(
  deps: GraphSyncDeps,
  options: DirectorySyncOptions,
): Promise<DirectorySyncSummary> {
  if (!options.graph)
    throw new UsageError(
      'directory sync: say where from with --graph (Entra ID through Microsoft Graph, the only source so far).',
    );
  const scope = readScope(options);
  const settings = readEnabledSettings(deps.env);
  const graph = openGraph(settings, deps);
  const directory = new GraphDirectory(graph, { professionField: settings.professionField });
  const users = await listDirectoryUsers(graph, scope);
  const summary = await syncDirectoryUsers(directory, new PeopleRepository(deps.store), users.ids);
  deps.out.write(`${describeDirectorySync(summary, scope)}\n`);
  for (const { id, reason } of summary.skipped) deps.err.write(`left out ${id}: ${reason}\n`);
  for (const reference of users.notFound) deps.err.write(`not found in Entra ID: ${reference}\n`);
  if (users.notFound.length > 0) throw new ReportedFailure('some users were not found');
  return summary;
}

/**
 * `rota sync --shifts [--from <date>] [--to <date>]`: reads published shifts and time off for each
 * team in GRAPH_SHIFTS_TEAM_IDS, from --from to --to (UK dates, both included; by default today
 * and the next eight weeks), and files them into the rota; entries read from these teams before
 * that Shifts no longer holds in the window are removed. Running it again changes nothing. The
 * open visits of everyone whose rota gained or lost shifts are then checked again.
 */
export async function runShiftsSync(
  deps: GraphSyncDeps,
  options: ShiftsSyncOptions,
): Promise<ShiftsSyncSummary> {
  if (!options.shifts)
    throw new UsageError(
      'rota sync: say where from with --shifts (Microsoft Shifts through Microsoft Graph, the only source so far).',
    );
  const window = readWindow(options, deps.now());
  const settings = readEnabledSettings(deps.env);
  if (settings.shiftsTeamIds.length === 0)
    throw new UsageError(
      'GRAPH_SHIFTS_TEAM_IDS: name the teams whose Shifts schedules feed the rota (team ids, separated by commas).',
    );
  const graph = openGraph(settings, deps);
  const summary = await syncShiftsTeams(
    {
      shifts: new GraphShifts(graph),
      directory: new GraphDirectory(graph, { professionField: settings.professionField }),
      people: new PeopleRepository(deps.store),
      rota: new RotaRepository(deps.store),
    },
    settings.shiftsTeamIds,
    window.from,
    window.to,
  );
  deps.out.write(`${describeShiftsSync(summary, window.label)}\n`);
  const rechecked = describeRotaRecheck(
    await recheckImportedRota(deps.store, summary.changedPeople, deps.now, deps.env),
  );
  if (rechecked) deps.out.write(`${rechecked}\n`);
  for (const teamId of summary.teamsNotFound)
    deps.err.write(`team not found, or it has no Shifts schedule: ${teamId}\n`);
  if (summary.teamsNotFound.length > 0) throw new ReportedFailure('some teams were not found');
  return summary;
}

export function describeDirectorySync(summary: DirectorySyncSummary, scope: DirectoryScope): string {
  const total = summary.created + summary.updated + summary.unchanged;
  const managers =
    summary.managersAdded > 0
      ? ` Added ${plural(summary.managersAdded, 'line manager', 'line managers')} from outside the ${scope.kind === 'group' ? 'group' : 'list'}.`
      : '';
  const skipped =
    summary.skipped.length > 0 ? ` Left out ${formatCount(summary.skipped.length)} (listed on stderr).` : '';
  return `Synced ${formatCount(total)} staff from Entra ID: ${formatCount(summary.created)} new, ${formatCount(summary.updated)} updated, ${formatCount(summary.unchanged)} unchanged.${managers}${skipped}`;
}

export function describeShiftsSync(summary: ShiftsSyncSummary, window: string): string {
  const leftOut =
    summary.entriesLeftOut > 0
      ? ` Left out ${plural(summary.entriesLeftOut, 'entry', 'entries')} for ${plural(summary.peopleLeftOut, 'person', 'people')} not in the directory.`
      : '';
  const removed =
    summary.removed > 0
      ? ` Removed ${plural(summary.removed, 'shift or time off', 'shifts and times off')} no longer in Shifts.`
      : '';
  return (
    `Read ${plural(summary.teamsRead, 'team', 'teams')} from Microsoft Shifts for ${window}: ${plural(summary.added, 'shift or time off', 'shifts and times off')} added ` +
    `in ${plural(summary.monthsWritten, 'rota month', 'rota months')}; ${plural(summary.duplicates, 'duplicate', 'duplicates')} skipped.${removed}${leftOut}`
  );
}

/** Registers `directory sync` and `rota sync` beside the import commands (created here if missing). */
export function addGraphSyncCommands(program: Command, context: CliContext): void {
  const deps = (store: DocumentStore): GraphSyncDeps => ({
    store,
    out: context.out,
    err: context.err,
    now: context.now,
    env: context.env,
  });
  parentCommand(program, 'directory', 'work with the staff directory')
    .command('sync')
    .description(
      'sync staff and line managers from Entra ID (needs GRAPH_ENABLED=true); person ids are Entra ID object ids',
    )
    .option('--graph', 'from Entra ID through Microsoft Graph')
    .option(
      '--user <email-or-id>',
      'one person (repeat for more)',
      (value: string, all: string[] | undefined) => [...(all ?? []), value],
    )
    .option('--group <id>', 'everyone in this security group of staff, nested groups included')
    .option('--all', 'every enabled member account in the tenant')
    .action(async (options: DirectorySyncOptions) => {
      await withStore(context, (store) => runDirectorySync(deps(store), options));
    });
  parentCommand(program, 'rota', 'work with staff rotas')
    .command('sync')
    .description(
      'file shifts and time off from the Microsoft Shifts schedules of the teams in GRAPH_SHIFTS_TEAM_IDS into the rota, removing those Shifts no longer holds in the window',
    )
    .option('--shifts', 'from Microsoft Shifts through Microsoft Graph')
    .option('--from <date>', 'first day, YYYY-MM-DD (UK time; default today)')
    .option(
      '--to <date>',
      `last day, YYYY-MM-DD (default ${DEFAULT_WEEKS} weeks on; at most ${MAX_DAYS} days in all)`,
    )
    .action(async (options: ShiftsSyncOptions) => {
      await withStore(context, (store) => runShiftsSync(deps(store), options));
    });
}

function parentCommand(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((command) => command.name() === name) ??
    program.command(name).description(description)
  );
}

function readEnabledSettings(env: Readonly<Record<string, string | undefined>>): GraphSettings {
  const result = readGraphSettings(env);
  if (!result.ok) throw new UsageError(result.problems.join('\n'));
  if (!result.settings.enabled)
    throw new UsageError(
      'GRAPH_ENABLED: Microsoft Graph is switched off; set GRAPH_ENABLED=true once the permissions are granted (infra/README.md, step 8).',
    );
  return result.settings;
}

/** The CLI may wait longer for Graph than the bot: nobody is waiting on a card. */
function openGraph(settings: GraphSettings, deps: GraphSyncDeps): GraphClient {
  return createGraphClient(settings, {
    maxAttempts: 5,
    maxRetryAfterMs: 60_000,
    maxPages: 1_000,
    ...(deps.credential ? { credential: deps.credential } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
}

function readScope(options: DirectorySyncOptions): DirectoryScope {
  const users = options.user ?? [];
  const chosen = [users.length > 0, options.group !== undefined, options.all === true].filter(Boolean).length;
  if (chosen !== 1)
    throw new UsageError(
      'directory sync: say whose entries to sync, one of --user <email-or-id> (repeatable), --group <id> (a security group of staff) or --all (the whole tenant).',
    );
  if (options.group !== undefined) {
    if (!GUID.test(options.group))
      throw new UsageError(`--group: "${options.group}" is not a group's object id (a GUID).`);
    return { kind: 'group', groupId: options.group.toLowerCase() };
  }
  if (options.all) return { kind: 'tenant' };
  const wrong = users.filter((user) => !checkUserReference(user.trim()));
  if (wrong.length > 0)
    throw new UsageError(
      `--user: ${wrong.map((user) => JSON.stringify(user)).join(', ')} is neither an email address nor an Entra ID object id.`,
    );
  return { kind: 'users', users: users.map((user) => user.trim()) };
}

/** From the start of --from to the end of --to, in London time. */
function readWindow(options: ShiftsSyncOptions, now: Date): { from: Date; to: Date; label: string } {
  const first = options.from === undefined ? toLondonDate(now.getTime()) : readDate('--from', options.from);
  const last =
    options.to === undefined ? addDays(first, DEFAULT_WEEKS * 7 - 1) : readDate('--to', options.to);
  if (last < first) throw new UsageError(`--to: ${last} is before --from ${first}.`);
  if (addDays(first, MAX_DAYS - 1) < last)
    throw new UsageError(`--to: at most ${MAX_DAYS} days from --from; sync a long period in parts.`);
  return {
    from: new Date(toLondonInstant(first, '00:00')),
    to: new Date(toLondonInstant(addDays(last, 1), '00:00')),
    label: `${first} to ${last}`,
  };
}

function readDate(option: string, text: string): string {
  const value = text.trim();
  const problem = new UsageError(
    `${option}: "${text}" is not a date; use YYYY-MM-DD, for example 2026-03-02.`,
  );
  if (!DATE.test(value)) throw problem;
  try {
    addDays(value, 0);
  } catch {
    throw problem;
  }
  return value;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
