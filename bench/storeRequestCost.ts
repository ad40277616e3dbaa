import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../src/store/documentStore';
import { SqliteDocumentStore } from '../src/store/sqlite/sqliteDocumentStore';
import { cpuMs } from './support/cpuProfile';
import { describeMachine, runMain } from './support/machine';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { startCosmosProcess } from './support/startCosmosProcess';
import { round } from './support/stats';

/**
 * What one store request costs in CPU, by kind, on each store: the floor under any turn that
 * makes it. The kinds are those of a "my requests" turn (a point read of about 1.5 KB, as the
 * conversation's state, and the person's newest requests, a query scoped to their partition), and
 * a point read of a document that is not there (a rota month with no shifts), and a write of a
 * document of about 1.5 KB (an upsert: what keeping a second document in step with each change of a
 * request would add to that change). Each kind runs in
 * blocks alternating with the others in one process, 16 at a time as the turn benchmark's 16
 * conversations, so load on the machine falls on all alike; CPU per request is this process's
 * (client, SDK, HTTP and TLS) and, on Cosmos, the Cosmos-protocol server's.
 * Run: `npm run build && node scripts/node24.cjs dist/bench/storeRequestCost.js`
 * (STORE_REQUEST_COST_STORES, default `embedded,cosmos`; STORE_REQUEST_COST_BLOCK_MS, default 1000;
 * 4 blocks a kind).
 */
const STORES = (process.env.STORE_REQUEST_COST_STORES ?? 'embedded,cosmos').split(',');
const BLOCK_MS = Number(process.env.STORE_REQUEST_COST_BLOCK_MS ?? 1000);
const BLOCKS = 4;
const AT_ONCE = 16;
const PEOPLE = 64;
const REQUESTS_EACH = 3;
const LIMIT_MS = 240_000;

const KINDS = ['point read', 'point read, not found', 'partition query', 'write'] as const;
type Kind = (typeof KINDS)[number];

const person = (n: number) => `cost-person-${n % PEOPLE}`;

async function seed(store: DocumentStore): Promise<void> {
  for (let n = 0; n < PEOPLE; n += 1) {
    await store.upsert('botstate', { id: `conversation-${n}`, dialog: { step: 'purpose', filler } });
    for (let r = 0; r < REQUESTS_EACH; r += 1)
      await store.upsert('requests', {
        id: `${person(n)}-request-${r}`,
        visitorId: person(n),
        state: 'awaiting_manager',
        createdAt: `2027-01-0${r + 1}T09:00:00.000Z`,
        purpose: filler.slice(0, 300),
      });
  }
}

const filler = 'x'.repeat(1_200);

async function request(store: DocumentStore, kind: Kind, i: number): Promise<void> {
  const n = i % PEOPLE;
  if (kind === 'point read') {
    if (!(await store.read('botstate', `conversation-${n}`, `conversation-${n}`)))
      throw new Error('a seeded document was not found');
  } else if (kind === 'point read, not found') {
    if (await store.read('rota', `${person(n)}:2031-01`, person(n)))
      throw new Error('a document that was never written was found');
  } else if (kind === 'write') {
    await store.upsert('botstate', { id: `written-${n}`, dialog: { step: 'purpose', filler, write: i } });
  } else {
    const found = await store.query('requests', {
      partitionKey: person(n),
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: 20,
    });
    if (found.length !== REQUESTS_EACH) throw new Error(`the query found ${found.length} requests`);
  }
}

interface Block {
  requests: number;
  ownMs: number;
  serverMs: number;
  wallMs: number;
}

async function runBlock(store: DocumentStore, kind: Kind, serverPid: number | undefined): Promise<Block> {
  const before = cpuMs(serverPid);
  const started = performance.now();
  let requests = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (performance.now() - started < BLOCK_MS) await request(store, kind, (requests += 1));
    }),
  );
  const after = cpuMs(serverPid);
  return {
    requests,
    ownMs: after.own - before.own,
    serverMs: after.server - before.server,
    wallMs: performance.now() - started,
  };
}

async function measure(store: DocumentStore, serverPid: number | undefined) {
  const totals = new Map<Kind, Block>();
  for (const kind of KINDS) await runBlock(store, kind, serverPid); // warm-up
  for (let b = 0; b < BLOCKS; b += 1)
    for (const kind of b % 2 === 0 ? KINDS : [...KINDS].reverse()) {
      const block = await runBlock(store, kind, serverPid);
      const sum = totals.get(kind) ?? { requests: 0, ownMs: 0, serverMs: 0, wallMs: 0 };
      totals.set(kind, {
        requests: sum.requests + block.requests,
        ownMs: sum.ownMs + block.ownMs,
        serverMs: sum.serverMs + block.serverMs,
        wallMs: sum.wallMs + block.wallMs,
      });
    }
  return KINDS.map((kind) => {
    const t = totals.get(kind) as Block;
    return {
      kind,
      requests_per_s: round((t.requests / t.wallMs) * 1000, 1),
      cpu_ms_per_request: round(t.ownMs / t.requests, 3),
      ...(serverPid ? { server_cpu_ms_per_request: round(t.serverMs / t.requests, 3) } : {}),
    };
  });
}

async function onEmbedded(): Promise<Array<Record<string, unknown>>> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-request-cost-'));
  const store = new SqliteDocumentStore(dataDir);
  try {
    await store.init();
    await seed(store);
    return await measure(store, undefined);
  } finally {
    await store.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function onCosmos(): Promise<Array<Record<string, unknown>>> {
  const cosmos = await startCosmosProcess();
  try {
    const store = await cosmos.openStore('bench-request-cost');
    await seed(store);
    const rows = await measure(store, cosmos.pid);
    await store.close();
    return rows;
  } finally {
    await cosmos.stop();
  }
}

async function main(): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  for (const kind of STORES) {
    const measured = kind === 'embedded' ? await onEmbedded() : await onCosmos();
    for (const row of measured) rows.push({ store: kind, ...row });
  }
  for (const row of rows) printFigures('store_request_cost', { at_once: AT_ONCE, ...row });
  printFigures('store_request_cost_machine', { machine: describeMachine() });
  printLine();
  printTable(
    ['store', 'request', 'requests/s', 'CPU ms/request', 'server CPU ms/request'],
    rows.map((r) => [
      String(r.store),
      String(r.kind),
      Number(r.requests_per_s),
      Number(r.cpu_ms_per_request),
      r.server_cpu_ms_per_request === undefined ? '' : Number(r.server_cpu_ms_per_request),
    ]),
  );
}

if (require.main === module) runMain('store_request_cost', LIMIT_MS, main);
