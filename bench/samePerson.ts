import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { DEMO_IDS } from '../src/demo/demoOrganisation';
import { createLogger } from '../src/logging/logger';
import { startService } from '../src/main';
import { actorFor, message, type Actor } from '../test/support/activities';
import { startEchoBot } from './echoBot';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { describeMachine, runMain } from './support/machine';
import { createClient } from './support/postJson';
import { round } from './support/stats';
import { runLoad, type LoadResult } from './turn/runLoad';

/**
 * Same-person load on the embedded store: one person (Alex, from the demo organisation) sends
 * "my requests" over and over from 1, 4 and 16 places at once, either all in one chat or each
 * in a chat of its own, so every turn reads and writes the same person's documents. Beside each
 * cell, the echo bot at the same concurrency is the baseline measured in the same run.
 * Run: `npm run build && node dist/bench/samePerson.js`.
 */
const CONCURRENCY = [1, 4, 16] as const;
const CELL_MS = Number(process.env.BENCH_TURN_CELL_MS ?? 5_000);
const WARM_UP_MS = 1_000;
const MAX_TURNS_PER_CELL = 50_000;
const LIMIT_MS = 240_000;

type Shape = 'one_chat' | 'own_chats';

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-same-person-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SCHEDULER_INTERVAL_SECONDS: '0',
  });
  const service = await startService(config, createLogger('silent'));
  const echo = await startEchoBot();
  const client = createClient(Math.max(...CONCURRENCY));
  try {
    const oneChat = actorFor(DEMO_IDS.alex, 'alex-bench');
    const ownChats = Array.from({ length: Math.max(...CONCURRENCY) }, (_, i) =>
      actorFor(DEMO_IDS.alex, `alex-bench-${i}`),
    );
    const ask = async (url: string, actor: Actor, text: string, expect: RegExp): Promise<boolean> => {
      const { status, body } = await client.post(`${url}/api/messages`, message(actor, text));
      return status === 200 && expect.test(body) && !/sorry/i.test(body);
    };
    for (const actor of [oneChat, ...ownChats]) {
      await ask(service.url, actor, 'hello', /./);
    }
    const results: Record<Shape | 'echo', LoadResult[]> = { echo: [], one_chat: [], own_chats: [] };
    for (const concurrency of CONCURRENCY) {
      const turns: Record<Shape | 'echo', (i: number, n: number) => Promise<boolean>> = {
        echo: (i, n) => ask(echo.url, ownChats[i] as Actor, `hello ${n}`, /You said/),
        one_chat: () => ask(service.url, oneChat, 'my requests', /request/i),
        own_chats: (i) => ask(service.url, ownChats[i] as Actor, 'my requests', /request/i),
      };
      for (const [kind, turn] of Object.entries(turns) as Array<[Shape | 'echo', (typeof turns)['echo']]>) {
        await runLoad(concurrency, WARM_UP_MS, MAX_TURNS_PER_CELL, turn);
        results[kind].push(await runLoad(concurrency, CELL_MS, MAX_TURNS_PER_CELL, turn));
      }
    }
    report(results, Date.now() - started);
  } finally {
    client.close();
    await echo.close();
    await service.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function report(results: Record<Shape | 'echo', LoadResult[]>, elapsedMs: number): void {
  const cells = (kind: Shape | 'echo') =>
    Object.fromEntries(results[kind].map((r) => [String(r.concurrency), r]));
  const versusEcho = (kind: Shape, figure: 'turnsPerSecond' | 'p99') =>
    Object.fromEntries(
      results[kind].map((r, i) => [
        String(r.concurrency),
        round(r[figure] / (results.echo[i]?.[figure] || 1), 2),
      ]),
    );
  printFigures('same_person', {
    store: 'embedded, in a temporary DATA_DIR',
    cellSeconds: CELL_MS / 1000,
    echo: cells('echo'),
    one_chat: cells('one_chat'),
    own_chats: cells('own_chats'),
    throughput_vs_echo: {
      one_chat: versusEcho('one_chat', 'turnsPerSecond'),
      own_chats: versusEcho('own_chats', 'turnsPerSecond'),
    },
    p99_vs_echo: { one_chat: versusEcho('one_chat', 'p99'), own_chats: versusEcho('own_chats', 'p99') },
    machine: describeMachine(),
    totalSeconds: round(elapsedMs / 1000, 1),
  });
  printLine();
  const rows = (['echo', 'one_chat', 'own_chats'] as const).flatMap((kind) =>
    results[kind].map((r, i) => [
      kind,
      r.concurrency,
      r.count,
      r.turnsPerSecond,
      r.p50,
      r.p95,
      r.p99,
      r.max,
      r.errors,
      kind === 'echo' ? '1.00' : (r.p99 / (results.echo[i]?.p99 || 1)).toFixed(2),
    ]),
  );
  printTable(
    [
      'turns',
      'at once',
      'turns run',
      'turns/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
      'p99 vs echo',
    ],
    rows,
  );
}

if (require.main === module) runMain('same_person', LIMIT_MS, main);
