import { Command, Help } from 'commander';
import dotenv from 'dotenv';
import { withStore, type CliContext } from './cliContext';
import { runDemoSeed } from './commands/demoSeed';
import { createProcessContext } from './createProcessContext';
import { EXIT_OK, reportFailure } from './reportFailure';

const PROGRAM_DESCRIPTION =
  'Administration for the job shadowing bot. It reads the same settings as the bot (environment variables, or a ' +
  '.env file in the current folder) and works on the same store: the embedded file store in DATA_DIR, or Cosmos DB ' +
  'when COSMOS_ENDPOINT is set.';

const EXIT_CODES_HELP = `
Examples:
  npm run cli -- demo seed            load the demo organisation into an empty store
  npm run cli -- demo seed --force    reload it, overwriting the demo documents

Exit codes: 0 done, 1 the command failed, 2 wrong command, option or setting.`;

/**
 * The commander wiring, one command per file under ./commands. Each action only gathers what its
 * command needs from `context` and calls it.
 */
export function buildProgram(context: CliContext = createProcessContext()): Command {
  const program = new Command('cli')
    .description(PROGRAM_DESCRIPTION)
    .option('--verbose', 'show technical details (stack traces) when a command fails')
    .configureOutput({ writeOut: (text) => context.out.write(text), writeErr: (text) => context.err.write(text) })
    .configureHelp({ visibleCommands: listLeafCommands, subcommandTerm: describeCommandPath })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(add --help for the list of commands)')
    .exitOverride();

  const demo = program.command('demo').description('work with the built-in demo organisation');
  demo
    .command('seed')
    .description('load the demo organisation (about 40 staff, host offers, 8 weeks of rota) into an empty store')
    .option('--force', 'load even when the store already holds staff, overwriting the demo documents')
    .action(async (options: { force?: boolean }) => {
      const force = options.force === true;
      await withStore(context, (store) => runDemoSeed({ store, out: context.out, now: context.now }, { force }));
    });

  return program;
}

/** Lists nested commands by their full path ("demo seed") so the top-level help shows them all. */
function listLeafCommands(this: Help, cmd: Command): Command[] {
  return Help.prototype.visibleCommands.call(this, cmd).flatMap((sub) =>
    sub.commands.length > 0 ? listLeafCommands.call(this, sub).filter((leaf) => leaf.name() !== 'help') : [sub],
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
    const verbose = argv.includes('--verbose') || Boolean(context.env.DEBUG);
    return reportFailure(error, context.err, verbose);
  }
}

if (require.main === module) {
  dotenv.config();
  void runCli(process.argv, createProcessContext()).then((code) => {
    process.exitCode = code;
  });
}
