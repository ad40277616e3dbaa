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
 * A person's rota over a range of months, read the two ways the store allows: a point read per
 * month side by side, or all the months in one `readMany`. Both ways run in the same process
 * against the same data, in alternating blocks, so load on the machine falls on both alike; the
 * CPU used per range (this process's and the Cosmos-protocol server's) is what to compare. Each
 * range is 4 London months of one of ROTA_READS_PEOPLE people (default 200, 12 months stored each,
 * so about a third of a range's months are not stored), 8 ranges at a time.
 * Run: `npm run build && node scripts/node24.cjs dist/bench/rotaReads.js`
 * (ROTA_READS_STORES, default `embedded,cosmos`; ROTA_READS_BLOCK_MS, default 1000; 4 blocks a way).
 */
const STORES = (process.env.ROTA_READS_STORES ?? 'embedded,cosmos').split(',');
const PEOPLE = Number(process.env.ROTA_READS_PEOPLE ?? 200);
const BLOCK_MS = Number(process.env.ROTA_READS_BLOCK_MS ?? 1000);
const BLOCKS = 4;
const AT_ONCE = 8;
const LIMIT_MS = 240_000;
const STORED_MONTHS = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);

type Way = 'point reads' | 'readMany';

function personId(n: number): string {
  return `rota-person-${n}`;
}

async function seed(store: DocumentStore): Promise<void> {
  for (let n = 0; n < PEOPLE; n += 1)
    for (const month of STORED_MONTHS) {
      const shifts = [1, 2, 3, 4].map((day) => ({
        start: `${month}-0${day}T08:00:00.000Z`,
        end: `${month}-0${day}T20:00:00.000Z`,
        kind: 'day',
      }));
      await store.upsert('rota', { id: `${personId(n)}:${month}`, personId: personId(n), month, shifts });
    }
}

/** 4 months from a start between 8 months before and 10 months into the stored year. */
function rangeFor(i: number): { person: string; ids: string[] } {
  const person = personId((i * 7919) % PEOPLE);
  const first = (i * 31) % 18;
  const ids = [0, 1, 2, 3].map((k) => {
    const index = 2027 * 12 - 8 + first + k;
    return `${person}:${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
  return { person, ids };
}

async function readRange(store: DocumentStore, way: Way, i: number): Promise<number> {
  const { person, ids } = rangeFor(i);
  if (way === 'readMany') return (await store.readMany('rota', person, ids)).length;
  const found = await Promise.all(ids.map((id) => store.read('rota', id, person)));
  return found.filter(Boolean).length;
}

interface Block {
  ranges: number;
  found: number;
  ownMs: number;
  serverMs: number;
  wallMs: number;
}

async function runBlock(store: DocumentStore, way: Way, serverPid: number | undefined): Promise<Block> {
  const before = cpuMs(serverPid);
  const started = performance.now();
  let ranges = 0;
  let found = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (performance.now() - started < BLOCK_MS) {
        const i = (ranges += 1);
        const read = await readRange(store, way, i);
        found += read;
      }
    }),
  );
  const after = cpuMs(serverPid);
  return {
    ranges,
    found,
    ownMs: after.own - before.own,
    serverMs: after.server - before.server,
    wallMs: performance.now() - started,
  };
}

async function measure(store: DocumentStore, serverPid: number | undefined) {
  const totals = new Map<Way, Block>();
  const ways: Way[] = ['point reads', 'readMany'];
  for (const way of ways) await runBlock(store, way, serverPid); // warm-up
  for (let b = 0; b < BLOCKS; b += 1)
    for (const way of b % 2 === 0 ? ways : [...ways].reverse()) {
      const block = await runBlock(store, way, serverPid);
      const sum = totals.get(way) ?? { ranges: 0, found: 0, ownMs: 0, serverMs: 0, wallMs: 0 };
      totals.set(way, {
        ranges: sum.ranges + block.ranges,
        found: sum.found + block.found,
        ownMs: sum.ownMs + block.ownMs,
        serverMs: sum.serverMs + block.serverMs,
        wallMs: sum.wallMs + block.wallMs,
      });
    }
  return ways.map((way) => {
    const t = totals.get(way) as Block;
    return {
      way,
      ranges_per_s: round((t.ranges / t.wallMs) * 1000, 1),
      months_found_per_range: round(t.found / t.ranges, 2),
      cpu_ms_per_range: round(t.ownMs / t.ranges, 3),
      ...(serverPid ? { server_cpu_ms_per_range: round(t.serverMs / t.ranges, 3) } : {}),
    };
  });
}

async function main(): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  for (const kind of STORES) {
    if (kind === 'embedded') {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-rota-'));
      const store = new SqliteDocumentStore(dataDir);
      try {
        await store.init();
        await seed(store);
        for (const row of await measure(store, undefined)) rows.push({ store: kind, ...row });
      } finally {
        await store.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    } else {
      const cosmos = await startCosmosProcess();
      try {
        const store = await cosmos.openStore('bench-rota');
        await seed(store);
        for (const row of await measure(store, cosmos.pid)) rows.push({ store: kind, ...row });
        await store.close();
      } finally {
        await cosmos.stop();
      }
    }
  }
  for (const row of rows) printFigures('rota_reads', { people: PEOPLE, at_once: AT_ONCE, ...row });
  printFigures('rota_reads_machine', { machine: describeMachine() });
  printLine();
  printTable(
    ['store', 'way', 'ranges/s', 'months found', 'CPU ms/range', 'server CPU ms/range'],
    rows.map((r) => [
      String(r.store),
      String(r.way),
      Number(r.ranges_per_s),
      Number(r.months_found_per_range),
      Number(r.cpu_ms_per_range),
      r.server_cpu_ms_per_range === undefined ? '' : Number(r.server_cpu_ms_per_range),
    ]),
  );
}

if (require.main === module) runMain('rota_reads', LIMIT_MS, main);
