import { Command, Help } from 'commander';
import dotenv from 'dotenv';
import { withStore, type CliContext } from './cliContext';
import { runClash } from './commands/clash';
import { runOffersImport } from './commands/offersImport';
import { runCpd } from './commands/cpd';
import { runDataErase, runDataExport } from './commands/dataRights';
import { runDemoSeed } from './commands/demoSeed';
import { runDigestPreview } from './commands/digestPreview';
import { runReport } from './commands/report';
import { runDirectoryImport } from './commands/directoryImport';
import { runDoctor } from './commands/doctor';
import { runExportDeclines } from './commands/exportDeclines';
import { runExportExchanges } from './commands/exportExchanges';
import { addGraphSyncCommands } from './commands/graphSync';
import { runRotaImport } from './commands/rotaImport';
import { runStoreMigrate } from './commands/storeMigrate';
import { readCliDebug } from '../config/cliSettings';
import { createProcessContext } from './createProcessContext';
import { EXIT_OK, reportFailure } from './reportFailure';

const PROGRAM_DESCRIPTION =
  'Administration for the job shadowing bot. It reads the same settings as the bot (environment variables, or a ' +
  '.env file in the current folder) and works on the same store: the embedded database in DATA_DIR, or Cosmos DB ' +
  'when COSMOS_ENDPOINT is set.';

const EXIT_CODES_HELP = `
Examples:
  npm run cli -- demo seed            load the demo organisation into an empty store
  npm run cli -- demo seed --force    reload it, overwriting the demo documents
  npm run cli -- directory import staff.csv
  npm run cli -- rota import rota.csv --codes codes.json
  npm run cli -- rota import ann.ics --person ann@trust.nhs.uk
  npm run cli -- rota import march-roster.csv --replace
  npm run cli -- directory sync --graph --group <group-id>
  npm run cli -- rota sync --shifts --from 2026-03-02 --to 2026-04-26
  npm run cli -- clash --person ann@trust.nhs.uk --start 2026-03-03T09:00 --end 2026-03-03T13:00
  npm run cli -- digest preview --week 2026-W02 --person ann@trust.nhs.uk
  npm run cli -- report last month for Acute Medicine
  npm run cli -- export exchanges --from 2025-04-01 --to 2026-03-31 > exchanges.csv
  npm run cli -- export declines --from 2025-04-01 --to 2026-03-31 > declines.csv
  npm run cli -- data export --person ann@trust.nhs.uk > ann.json
  npm run cli -- data erase --person ann@trust.nhs.uk --yes
  npm run cli -- store migrate        move an old file store in DATA_DIR into the database
  npm run cli -- doctor               check the whole store; --repair puts right what it can

Imports are all-or-nothing: a file with any bad row imports nothing and every bad row is listed
as "line N: reason" (--skip-invalid imports the good rows). Importing a file again adds nothing twice.
A rota import only adds shifts unless --replace says the file is the roster for the staff it lists;
a Shifts sync removes what Microsoft Shifts no longer holds in the window it reads.

Exit codes: 0 done, 1 the command failed, 2 wrong command, option or setting.`;

/**
 * The commander wiring, one command per file under ./commands. Each action only gathers what its
 * command needs from `context` and calls it.
 */
export function buildProgram(context: CliContext = createProcessContext()): Command {
  const program = new Command('cli')
    .description(PROGRAM_DESCRIPTION)
    .option('--verbose', 'show technical details (stack traces) when a command fails')
    .configureOutput({
      writeOut: (text) => context.out.write(text),
      writeErr: (text) => context.err.write(text),
    })
    .configureHelp({ visibleCommands: listLeafCommands, subcommandTerm: describeCommandPath })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(add --help for the list of commands)')
    .exitOverride();

  const demo = program.command('demo').description('work with the built-in demo organisation');
  demo
    .command('seed')
    .description(
      'load the demo organisation (about 40 staff, host offers, 8 weeks of rota) into an empty store',
    )
    .option('--force', 'load even when the store already holds staff, overwriting the demo documents')
    .action(async (options: { force?: boolean }) => {
      const force = options.force === true;
      await withStore(context, (store) =>
        runDemoSeed({ store, out: context.out, now: context.now }, { force }),
      );
    });

  addImportCommands(program, context);
  addOfferCommands(program, context);
  addGraphSyncCommands(program, context);
  program
    .command('clash')
    .description(
      'check a proposed visit against the rotas; prints one JSON object with clashes, release, warnings and suggestions',
    )
    .requiredOption('--person <email>', 'the visitor')
    .requiredOption('--start <time>', 'start: ISO-8601 with an offset, or YYYY-MM-DDTHH:MM in UK time')
    .requiredOption('--end <time>', 'end, in the same forms')
    .option('--host <email>', 'the host; their first active offer is checked too')
    .action(async (options: { person: string; start: string; end: string; host?: string }) => {
      await withStore(context, (store) => runClash({ store, out: context.out, env: context.env }, options));
    });

  addOutcomeCommands(program, context);
  addDigestCommands(program, context);
  addStoreCommands(program, context);
  program
    .command('doctor')
    .description(
      'check the whole store: documents that cannot be read, references to something missing, places held for requests that are gone, messages stuck in an expired sending claim',
    )
    .option(
      '--repair',
      'give those places back, queue those messages again and move unreadable documents into the quarantine container; nothing is deleted',
    )
    .action(async (options: { repair?: boolean }) => {
      await withStore(context, (store) =>
        runDoctor({ store, out: context.out, now: context.now }, { repair: options.repair === true }),
      );
    });
  return program;
}

function addStoreCommands(program: Command, context: CliContext): void {
  program
    .command('store')
    .description('work with the embedded store')
    .command('migrate')
    .description(
      'move a store in the old one-file-per-document layout into the database in DATA_DIR; the old folder is kept',
    )
    .option('--from <folder>', 'the old store (default: DATA_DIR)')
    .action(async (options: { from?: string }) => {
      await runStoreMigrate({ env: context.env, out: context.out, err: context.err }, options);
    });
}

function addDigestCommands(program: Command, context: CliContext): void {
  program
    .command('digest')
    .description('work with the weekly digest')
    .command('preview')
    .description('print the weekly digests that would be sent, as plain text; sends and writes nothing')
    .option('--week <YYYY-Www>', 'the ISO week, e.g. 2026-W02 (default: this week)')
    .option('--person <email>', "only this person's digest")
    .action(async (options: { week?: string; person?: string }) => {
      await withStore(context, (store) =>
        runDigestPreview({ store, out: context.out, now: context.now, env: context.env }, options),
      );
    });
  program
    .command('report [words...]')
    .description(
      "a programme lead's report as plain text: 'last month', 'from 1 Oct to 31 Oct for Acute Medicine' (default: the last four weeks)",
    )
    .action(async (words: string[]) => {
      await withStore(context, (store) =>
        runReport({ store, out: context.out, now: context.now, env: context.env }, words),
      );
    });
}

/** The exchange log export, CPD records, and a person's data export and erasure. */
function addOutcomeCommands(program: Command, context: CliContext): void {
  const exporting = program.command('export').description('export records for evaluation');
  exporting
    .command('exchanges')
    .description(
      'the exchange log for visits between two dates (both included), as CSV (default) or JSON lines on stdout',
    )
    .requiredOption('--from <date>', 'first visit date, YYYY-MM-DD (UK time)')
    .requiredOption('--to <date>', 'last visit date, YYYY-MM-DD; at most 5 years after --from')
    .option('--format <format>', 'csv or json (one JSON object per line)', 'csv')
    .option('--department <name>', "only exchanges where the visitor's or the host's department is this")
    .action(async (options: { from: string; to: string; format?: string; department?: string }) => {
      await withStore(context, (store) => runExportExchanges({ store, out: context.out }, options));
    });
  exporting
    .command('declines')
    .description(
      'requests managers declined between two dates (both included), with the reason category and the release they would have needed, as CSV (default) or JSON lines on stdout',
    )
    .requiredOption('--from <date>', 'first date of decline, YYYY-MM-DD (UK time)')
    .requiredOption('--to <date>', 'last date of decline, YYYY-MM-DD; at most 5 years after --from')
    .option('--format <format>', 'csv or json (one JSON object per line)', 'csv')
    .option('--department <name>', "only declines where the visitor's or the host's department is this")
    .action(async (options: { from: string; to: string; format?: string; department?: string }) => {
      await withStore(context, (store) => runExportDeclines({ store, out: context.out }, options));
    });
  program
    .command('cpd')
    .description("print a visitor's CPD / appraisal record of one visit, as text")
    .requiredOption('--person <email>', 'the visitor')
    .requiredOption('--request <id>', 'the request id of the visit')
    .action(async (options: { person: string; request: string }) => {
      await withStore(context, (store) => runCpd({ store, out: context.out, err: context.err }, options));
    });
  const data = program.command('data').description("a person's data, for the data protection officer");
  data
    .command('export')
    .description('everything held about a person, as JSON on stdout (other people appear only as roles)')
    .requiredOption(
      '--person <email or id>',
      'whose data: their email, or their directory id when their entry is damaged',
    )
    .action(async (options: { person: string }) => {
      await withStore(context, (store) =>
        runDataExport({ store, out: context.out, now: context.now }, options),
      );
    });
  data
    .command('erase')
    .description("erase a person's personal data, keeping only anonymised counts; needs --yes")
    .requiredOption(
      '--person <email or id>',
      'whose data: their email, or their directory id when their entry is damaged',
    )
    .option('--yes', 'confirm: this cannot be undone')
    .action(async (options: { person: string; yes?: boolean }) => {
      await withStore(context, (store) =>
        runDataErase({ store, out: context.out, now: context.now }, options),
      );
    });
}

function addImportCommands(program: Command, context: CliContext): void {
  program
    .command('rota')
    .description('work with staff rotas')
    .command('import <file>')
    .description('import shifts from a rota CSV (staff_email,date,start,end,code) or an iCalendar .ics file')
    .option('--codes <mapping.json>', 'extra shift codes as JSON, e.g. {"E1": "duty", "NN": "night"}')
    .option('--person <email>', 'whose rota an iCalendar file holds (or name the file <email>.ics)')
    .option('--skip-invalid', 'import the good rows even when some are bad (the bad ones are still listed)')
    .option(
      '--replace',
      'the file is the roster for the staff it lists: their shifts from earlier imports on the days it covers for each, and no longer in it, are removed',
    )
    .action(
      async (
        file: string,
        options: { codes?: string; person?: string; skipInvalid?: boolean; replace?: boolean },
      ) => {
        const request = {
          file,
          codes: options.codes,
          person: options.person,
          skipInvalid: options.skipInvalid === true,
          replace: options.replace === true,
        };
        await withStore(context, (store) =>
          runRotaImport(
            { store, out: context.out, err: context.err, now: context.now, env: context.env },
            request,
          ),
        );
      },
    );
  program
    .command('directory')
    .description('work with the staff directory')
    .command('import <file>')
    .description(
      'import staff from an ESR-style CSV (email,name,job_title,department,profession,manager_email; optional grade,rota_coordinator_email)',
    )
    .option('--skip-invalid', 'import the good rows even when some are bad (the bad ones are still listed)')
    .action(async (file: string, options: { skipInvalid?: boolean }) => {
      const request = { file, skipInvalid: options.skipInvalid === true };
      await withStore(context, (store) =>
        runDirectoryImport({ store, out: context.out, err: context.err }, request),
      );
    });
}

function addOfferCommands(program: Command, context: CliContext): void {
  program
    .command('offers')
    .description('work with host offers')
    .command('import <file>')
    .description(
      'import host offers from a CSV (host_email,title,description,setting,sessions,visitors_per_session,per_week,per_month,open_to,prerequisites,meeting_point)',
    )
    .option('--skip-invalid', 'import the good rows even when some are bad (the bad ones are still listed)')
    .action(async (file: string, options: { skipInvalid?: boolean }) => {
      const request = { file, skipInvalid: options.skipInvalid === true };
      await withStore(context, (store) =>
        runOffersImport({ store, out: context.out, err: context.err, now: context.now }, request),
      );
    });
}

/** Lists nested commands by their full path ("demo seed") so the top-level help shows them all. */
function listLeafCommands(this: Help, cmd: Command): Command[] {
  return Help.prototype.visibleCommands
    .call(this, cmd)
    .flatMap((sub) =>
      sub.commands.length > 0
        ? listLeafCommands.call(this, sub).filter((leaf) => leaf.name() !== 'help')
        : [sub],
    );
}

function describeCommandPath(this: Help, cmd: Command): string {
  const parents: string[] = [];
  for (let parent = cmd.parent; parent?.parent; parent = parent.parent) parents.unshift(parent.name());
  return [...parents, Help.prototype.subcommandTerm.call(this, cmd)].join(' ');
}

/** Runs one command line and resolves to the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return EXIT_OK;
  } catch (error) {
    const verbose = argv.includes('--verbose') || readCliDebug(context.env);
    return reportFailure(error, context.err, verbose);
  }
}

if (require.main === module) {
  dotenv.config();
  void runCli(process.argv, createProcessContext()).then((code) => {
    process.exitCode = code;
  });
}
