import path from 'node:path';
import { actorFor, message, type Actor } from '../../test/support/activities';
import { startEchoBot } from '../echoBot';
import { describeMachine, runMain } from '../support/machine';
import { printLine } from '../support/output';
import { createClient } from '../support/postJson';
import type { StoreService } from '../support/startBenchService';
import { round } from '../support/stats';
import { OPENING } from './exchangeCycle';

/**
 * "My requests" on the embedded store of this build and of another (a `dist` folder built from
 * another commit), with the echo bot, all in this one process: the load goes to each in turn for
 * a short window, many times, so that whatever else the machine is doing falls on all three
 * alike. For before/after figures on a shared machine, where separate runs a minute apart can
 * differ by half. Prints, for each, the median over the windows of CPU per turn and turns a
 * second, and of the ratio to the echo bot's window beside it. Absolute figures differ from the
 * turn benchmark's (three services share one heap here); compare the builds with each other.
 * Run: `node scripts/node24.cjs dist/bench/turn/compareBuilds.js /path/to/other/dist`, with
 * COMPARE_CONVERSATIONS (16), COMPARE_WINDOW_MS (700) and COMPARE_ROUNDS (16).
 */
const CONVERSATIONS = Number(process.env.COMPARE_CONVERSATIONS ?? 16);
const WINDOW_MS = Number(process.env.COMPARE_WINDOW_MS ?? 700);
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 16);
const WARM_UP_MS = 1_500;

interface Target {
  name: string;
  url: string;
  actors: Actor[];
  expected: RegExp;
  windows: Array<{ cpuMs: number; turnsPerSecond: number }>;
}

type StartServiceOn = (target: { kind: 'embedded' }, visitors: number) => Promise<StoreService>;

async function main(): Promise<void> {
  const otherDist = process.argv[2];
  if (!otherDist) throw new Error('give the other build’s dist folder');
  const client = createClient(CONVERSATIONS * 3);
  const stops: Array<() => Promise<void>> = [];
  try {
    const echo = await startEchoBot();
    stops.push(() => echo.close());
    const targets: Target[] = [target('echo', echo.url, ids('echo'), /You said/)];
    const builds: Array<[string, string]> = [
      ['other', path.resolve(otherDist)],
      ['this', path.resolve(__dirname, '../..')],
    ];
    for (const [name, dist] of builds) {
      const { startServiceOn } = (await import(path.join(dist, 'bench/support/startBenchService'))) as {
        startServiceOn: StartServiceOn;
      };
      const running = await startServiceOn({ kind: 'embedded' }, CONVERSATIONS);
      stops.push(() => running.stop());
      targets.push(target(name, running.service.url, running.visitorIds, /Your requests/));
    }
    const ask = async (to: Target, actor: Actor, text: string, expected: RegExp) => {
      const { status, body } = await client.post(`${to.url}/api/messages`, message(actor, text));
      if (status !== 200 || !expected.test(body)) throw new Error(`${to.name}: unexpected answer ${status}`);
    };
    for (const to of targets.slice(1))
      for (const actor of to.actors) {
        await ask(to, actor, 'hello', /./);
        await ask(to, actor, OPENING, /why/i);
      }
    const load = async (to: Target, ms: number) => {
      let turns = 0;
      const deadline = Date.now() + ms;
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await Promise.all(
        to.actors.map(async (actor) => {
          for (; Date.now() < deadline; turns += 1) await ask(to, actor, 'my requests', to.expected);
        }),
      );
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { cpuMs: (cpu.user + cpu.system) / 1000 / turns, turnsPerSecond: turns / seconds };
    };
    for (const to of targets) await load(to, WARM_UP_MS);
    for (let round = 0; round < ROUNDS; round += 1)
      for (const to of round % 2 ? [...targets].reverse() : targets)
        to.windows.push(await load(to, WINDOW_MS));
    const echoWindows = targets[0]?.windows ?? [];
    for (const to of targets)
      printLine(
        JSON.stringify({
          bench: 'compare_builds',
          kind: 'my_requests',
          build: to.name,
          conversations: CONVERSATIONS,
          windows: to.windows.length,
          cpu_ms_per_turn: round(median(to.windows.map((w) => w.cpuMs)), 3),
          turns_per_s: round(median(to.windows.map((w) => w.turnsPerSecond)), 1),
          ratio_vs_echo: round(
            median(to.windows.map((w, i) => w.turnsPerSecond / (echoWindows[i]?.turnsPerSecond ?? NaN))),
            3,
          ),
          cpu_ratio_vs_echo: round(
            median(to.windows.map((w, i) => (echoWindows[i]?.cpuMs ?? NaN) / w.cpuMs)),
            3,
          ),
          machine: describeMachine(),
        }),
      );
  } finally {
    client.close();
    for (const stop of stops) await stop();
  }
}

function target(name: string, url: string, personIds: string[], expected: RegExp): Target {
  const actors = personIds.map((id, i) => actorFor(id, `compare-${name}-${i}`));
  return { name, url, actors, expected, windows: [] };
}

function ids(prefix: string): string[] {
  return Array.from({ length: CONVERSATIONS }, (_, i) => `${prefix}-${i}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

if (require.main === module) runMain('compare_builds', (ROUNDS * 3 * WINDOW_MS + 120_000) * 2, main);
