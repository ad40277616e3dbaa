import 'dotenv/config';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { StartupError, startService, type RunningService } from '../src/main';
import { ensurePortFree, LOOPBACK_HOST, PortInUseError } from './playground/ports';
import { PLAYGROUND_USERS, type PlaygroundUser } from './playground/playgroundUsers';
import { HelpShown, readStartOptions, type StartOptions } from './playground/readStartOptions';
import { describeExit, spawnPlayground, type RunningPlayground } from './playground/spawnPlayground';
import { waitForHealthy } from './playground/waitForHealthy';

/**
 * `npm start`: the bot on the embedded store (with the demo organisation on first run) and one
 * Microsoft 365 Agents Playground per demo person asked for, everything on 127.0.0.1. Ctrl-C stops all.
 */
async function start(): Promise<void> {
  const options = readOptionsOrExit();
  const config = loadConfigOrExit();
  const ports = options.people.map((person) => playgroundPort(options, person));
  await Promise.all(
    options.people.map((person, i) =>
      ensurePortFree(ports[i]!, `Playground for ${person.name}`, portAdvice()),
    ),
  );

  const service = await startService(config, createLogger(config.logLevel));
  const botBase = `http://${LOOPBACK_HOST}:${service.port}`;
  const playgrounds: RunningPlayground[] = [];
  let stopping = false;
  const stopAll = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Playground${playgrounds.length === 1 ? '' : 's'} and the bot...`);
    await Promise.all(playgrounds.map((playground) => playground.stop()));
    await service.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stopAll('Ctrl-C'));
  process.once('SIGTERM', () => void stopAll('SIGTERM'));
  stopWhenParentGoes(() => void stopAll('npm stopped'));

  await waitForHealthy(`${botBase}/healthz`, 30_000);
  const started = await Promise.allSettled(
    options.people.map((person, i) =>
      spawnPlayground({
        user: person,
        port: ports[i]!,
        botEndpoint: `${botBase}/api/messages`,
        workDir: path.resolve('.playground', person.key),
      }),
    ),
  );
  for (const result of started) if (result.status === 'fulfilled') playgrounds.push(result.value);
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(playgrounds.map((playground) => playground.stop()));
    await service.close();
    throw failure.reason;
  }
  for (const playground of playgrounds) reportUnexpectedExit(playground, () => stopping);
  printWelcome(service, playgrounds, config);
}

/**
 * `npm start` runs this file through `sh -c`, which does not pass SIGTERM on: when npm is stopped
 * that way this process is handed to init, and that is the sign to stop.
 */
function stopWhenParentGoes(stop: () => void): void {
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) stop();
  }, 1000).unref();
}

function playgroundPort(options: StartOptions, person: PlaygroundUser): number {
  return options.firstPort + PLAYGROUND_USERS.indexOf(person);
}

function portAdvice(): string {
  return 'Is `npm start` already running in another terminal? Stop it (Ctrl-C there), or pick other ports with `npm start -- --first-port 57150`.';
}

function reportUnexpectedExit(playground: RunningPlayground, isStopping: () => boolean): void {
  void playground.exited.then((exit) => {
    if (isStopping()) return;
    console.error(
      `\nThe Playground for ${playground.user.name} (${playground.url}) stopped unexpectedly (${describeExit(exit)}). ` +
        `The bot and any other Playgrounds are still running; press Ctrl-C and run \`npm start\` again to get it back.\n` +
        `Its last output:\n${playground.recentOutput() || '(none)'}\nIts log: ${path.join(playground.workDir, 'devTools')}`,
    );
  });
}

function printWelcome(service: RunningService, playgrounds: RunningPlayground[], config: Config): void {
  const width = Math.max(...playgrounds.map((p) => p.user.name.length));
  const lines = [
    '',
    '================================================================================',
    ' Job shadowing bot is running. Open in your browser:',
    '',
    ...playgrounds.map((p) => `   ${p.url}   you are ${p.user.name.padEnd(width)}  ${p.user.demoPart}`),
    '',
    ` Bot: ${service.url}/api/messages  (health: ${service.url}/healthz)`,
    config.store.kind === 'embedded'
      ? ` Data lives in ${path.relative(process.cwd(), config.store.dataDir) || '.'}/ (delete it to start again from the demo organisation).`
      : ' Data lives in Cosmos DB (COSMOS_ENDPOINT).',
    playgrounds.length < PLAYGROUND_USERS.length
      ? ' More people: npm start -- --everyone   (or --people alex,megan,adele)'
      : '',
    ' Press Ctrl-C to stop everything.',
    '================================================================================',
    '',
  ];
  console.log(lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n'));
}

function readOptionsOrExit(): StartOptions {
  try {
    return readStartOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof HelpShown) process.exit(0);
    console.error(`${(error as Error).message}\nSee \`npm start -- --help\`.`);
    process.exit(2);
  }
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nSee .env.example for every setting.`);
    process.exit(2);
  }
}

start().catch((error: unknown) => {
  if (error instanceof PortInUseError || error instanceof StartupError) {
    console.error(`Could not start: ${error.message}`);
  } else {
    console.error('Could not start:', error);
  }
  process.exit(1);
});
