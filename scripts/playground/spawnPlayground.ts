import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LOOPBACK_HOST, PortInUseError } from './ports';
import type { PlaygroundUser } from './playgroundUsers';
import { waitForHealthy } from './waitForHealthy';
import { writePlaygroundConfig } from './writePlaygroundConfig';

export interface PlaygroundOptions {
  user: PlaygroundUser;
  port: number;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** A scratch directory of its own: the config file and the Playground's devTools/ logs go here. */
  workDir: string;
  startTimeoutMs?: number;
  /** Called with each line the Playground prints (for debugging); by default output is kept quiet. */
  onOutput?: (line: string) => void;
}

export interface PlaygroundExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningPlayground {
  user: PlaygroundUser;
  port: number;
  url: string;
  pid: number;
  workDir: string;
  /** Settles when the Playground process ends, for whatever reason. */
  exited: Promise<PlaygroundExit>;
  /** The last lines it printed, for error messages. */
  recentOutput(): string;
  /** Stops its whole process group; resolves once it has gone. */
  stop(): Promise<void>;
}

const OUTPUT_LINES_KEPT = 40;

/**
 * Starts one Microsoft 365 Agents Playground as `user` on 127.0.0.1:`port`, talking to the bot at
 * `botEndpoint`, and resolves when its page answers. It runs in its own process group, with the
 * loopback preload, without opening a browser and without telemetry.
 */
export async function spawnPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const configPath = await writePlaygroundConfig(options.workDir, options.user);
  const child = spawn(
    process.execPath,
    ['--require', findLoopbackPreload(), findPlaygroundCli(), ...cliArguments(options)],
    {
      cwd: options.workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        PLAYGROUND_EXIT_WITH_PARENT: '1',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const playground = describeChild(child, options);
  try {
    await waitUntilServing(playground, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await playground.stop();
    throw error;
  }
  return playground;
}

function cliArguments(options: PlaygroundOptions): string[] {
  return [
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--service-url',
    `http://${LOOPBACK_HOST}:${options.port}/_connector`,
    '--disable-telemetry',
  ];
}

interface StartingPlayground extends RunningPlayground {
  /** The port from its "Listening on <port>" line, once printed. */
  listeningPort(): number | undefined;
}

function describeChild(child: ChildProcess, options: PlaygroundOptions): StartingPlayground {
  if (child.pid === undefined) throw new Error('The Playground process could not be started.');
  const pid = child.pid;
  const lines: string[] = [];
  let listeningPort: number | undefined;
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (line.trim() === '') continue;
      lines.push(line);
      listeningPort ??= readListeningPort(line);
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<PlaygroundExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    user: options.user,
    port: options.port,
    url: `http://${LOOPBACK_HOST}:${options.port}`,
    pid,
    workDir: options.workDir,
    exited,
    recentOutput: () => lines.join('\n'),
    listeningPort: () => listeningPort,
    stop: () => (hasExited ? Promise.resolve() : stopProcessGroup(pid, exited)),
  };
}

/** Resolves once the page answers on the requested port; rejects if the Playground exits or moves port. */
async function waitUntilServing(playground: StartingPlayground, timeoutMs: number): Promise<void> {
  let done = false;
  try {
    await Promise.race([
      waitForListening(playground, timeoutMs, () => done),
      failOnExit(playground, () => done),
    ]);
    await waitForHealthy(playground.url, timeoutMs);
  } finally {
    done = true;
  }
}

async function waitForListening(
  playground: StartingPlayground,
  timeoutMs: number,
  isDone: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDone() && Date.now() < deadline) {
    const port = playground.listeningPort();
    if (port === playground.port) return;
    if (port !== undefined) {
      throw new PortInUseError(
        playground.port,
        `Playground for ${playground.user.name}`,
        'Stop whatever is using it and try again.',
      );
    }
    await delay(100);
  }
  if (!isDone()) {
    throw new Error(
      `The Playground for ${playground.user.name} did not start within ${timeoutMs / 1000} s.\n${playground.recentOutput()}`,
    );
  }
}

async function failOnExit(playground: StartingPlayground, isDone: () => boolean): Promise<void> {
  const exit = await playground.exited;
  if (isDone()) return;
  throw new Error(
    `The Playground for ${playground.user.name} stopped while starting (${describeExit(exit)}).\n${playground.recentOutput()}`,
  );
}

export function describeExit(exit: PlaygroundExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

function readListeningPort(line: string): number | undefined {
  const match = /Listening on (\d+)/.exec(line);
  return match?.[1] ? Number(match[1]) : undefined;
}

async function stopProcessGroup(
  pid: number,
  exited: Promise<PlaygroundExit>,
  graceMs = 5_000,
): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function findPlaygroundCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

/** The preload lives beside this file in scripts/; compiled code runs from dist/scripts/. */
function findLoopbackPreload(): string {
  const candidates = [
    path.join(__dirname, 'loopbackPreload.js'),
    path.resolve(__dirname, '..', '..', '..', 'scripts', 'playground', 'loopbackPreload.js'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(`scripts/playground/loopbackPreload.js is missing (looked in ${candidates.join(', ')}).`);
  return found;
}
