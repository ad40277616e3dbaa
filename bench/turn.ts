import { actorFor, message, type Actor } from '../test/support/activities';
import { startEchoBot } from './echoBot';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { describeMachine, runMain } from './support/machine';
import { createClient } from './support/postJson';
import { startBenchService } from './support/startBenchService';
import { round } from './support/stats';
import { runLoad, type LoadResult } from './turn/runLoad';

/**
 * Turn benchmark: throughput and latency of turns over HTTP (expectReplies) through the real
 * service over the Cosmos-protocol server, at 1, 16 and 64 conversations at once, for a read
 * command ("my requests") and a step of the request conversation (answering the purpose question,
 * then "back", over and over); beside it, a minimal echo bot on the same stack.
 * Run: `npm run build && node dist/bench/turn.js`.
 */
const CONCURRENCY = [1, 16, 64] as const;
const CELL_MS = Number(process.env.BENCH_TURN_CELL_MS ?? 5_000);
const WARM_UP_MS = 1_000;
const MAX_TURNS_PER_CELL = 50_000;
const LIMIT_MS = 240_000;

const OPENING = "I'd like to spend a morning with the discharge team in two weeks";
const PURPOSE = 'Because discharges from my ward keep getting delayed';

type Kind = 'echo' | 'read' | 'step';

async function main(): Promise<void> {
  const started = Date.now();
  const maxConversations = Math.max(...CONCURRENCY);
  const bench = await startBenchService('bench-turn', maxConversations);
  const echo = await startEchoBot();
  const client = createClient(maxConversations);
  try {
    const actors = bench.visitorIds.map((id, i) => actorFor(id, `turn-${i}`));
    const ask = async (url: string, actor: Actor, text: string, expect: RegExp): Promise<boolean> => {
      const { status, body } = await client.post(`${url}/api/messages`, message(actor, text));
      return status === 200 && expect.test(body);
    };
    const ours = bench.service.url;
    // Each conversation: welcomed, then a request begun and its purpose question asked.
    for (const actor of actors) {
      await ask(ours, actor, 'hello', /./);
      if (!(await ask(ours, actor, OPENING, /why/i)))
        throw new Error('the request conversation did not ask for a purpose');
    }
    const turns: Record<Kind, (i: number, n: number) => Promise<boolean>> = {
      echo: (i, n) => ask(echo.url, actors[i] as Actor, `hello ${n}`, /You said/),
      read: (i) => ask(ours, actors[i] as Actor, 'my requests', /request/i),
      // Answer the purpose question, then go back to it: each is one step of the conversation.
      step: (i, n) =>
        n % 2 === 0
          ? ask(ours, actors[i] as Actor, PURPOSE, /Your request/)
          : ask(ours, actors[i] as Actor, 'back', /Your request/),
    };
    const results: Record<Kind, LoadResult[]> = { echo: [], read: [], step: [] };
    for (const concurrency of CONCURRENCY) {
      for (const kind of ['echo', 'read', 'step'] as const) {
        await runLoad(concurrency, WARM_UP_MS, MAX_TURNS_PER_CELL, turns[kind]);
        results[kind].push(await runLoad(concurrency, CELL_MS, MAX_TURNS_PER_CELL, turns[kind]));
      }
    }
    report(results, Date.now() - started);
  } finally {
    client.close();
    await echo.close();
    await bench.stop();
  }
}

function report(results: Record<Kind, LoadResult[]>, elapsedMs: number): void {
  const ratio = (kind: 'read' | 'step') =>
    Object.fromEntries(
      results[kind].map((r, i) => [
        String(r.concurrency),
        round(r.turnsPerSecond / Math.max(0.001, results.echo[i]?.turnsPerSecond ?? 0), 2),
      ]),
    );
  const cells = (kind: Kind) => Object.fromEntries(results[kind].map((r) => [String(r.concurrency), r]));
  printFigures('turn', {
    store: '@vercel/cosmosdb-server over loopback (HTTPS), in its own process',
    cellSeconds: CELL_MS / 1000,
    echo: cells('echo'),
    read: cells('read'),
    step: cells('step'),
    ratio_vs_echo: { read: ratio('read'), step: ratio('step') },
    machine: describeMachine(),
    totalSeconds: round(elapsedMs / 1000, 1),
  });
  printLine();
  const rows = (['echo', 'read', 'step'] as const).flatMap((kind) =>
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
      kind === 'echo' ? '1.00' : (r.turnsPerSecond / (results.echo[i]?.turnsPerSecond ?? 1)).toFixed(2),
    ]),
  );
  printTable(
    [
      'turns',
      'conversations',
      'turns run',
      'turns/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
      'vs echo',
    ],
    rows,
  );
}

if (require.main === module) runMain('turn', LIMIT_MS, main);
