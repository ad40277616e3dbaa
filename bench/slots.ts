import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadClashContext, ROTA_MARGIN_DAYS } from '../src/app/loadClashContext';
import { createServices } from '../src/app/services';
import {
  checkVisit,
  chooseWorkingTimeRules,
  suggestSlots,
  type ClashContextInput,
} from '../src/domain/clash';
import type { HostOffer, SessionPart } from '../src/domain/offers';
import type { Person } from '../src/domain/people';
import type { Shift } from '../src/domain/rota';
import { DAY_MS, type Interval } from '../src/domain/time/intervals';
import { addDays, londonSessionInterval, weekdayOf } from '../src/domain/time/londonTime';
import { createSeededRandom } from '../src/demo/seededRandom';
import { CosmosDocumentStore } from '../src/store/cosmos/cosmosDocumentStore';
import type { DocumentStore } from '../src/store/documentStore';
import { startCosmosServer } from '../test/support/cosmosServer';
import { buildSyntheticTrust, type SyntheticTrust } from './slots/buildSyntheticRota';
import { countRequests } from './slots/countingStore';
import { measure, round, type Timing } from './slots/measure';
import { mapWithConcurrency } from '../src/shared/mapWithConcurrency';

/**
 * Slot-search benchmark: 5,000 staff with 12 months of rota (built in memory, the same on every
 * run), random visitor and host pairs, the clash check and the next-free-slot search timed
 * (a) on the pure domain code and (b) with the reads from @vercel/cosmosdb-server over loopback
 * through the Cosmos adapter. Run: `npm run build && node dist/bench/slots.js`.
 */
const STAFF = 5_000;
const FIRST_DAY = '2026-01-01';
const DAYS = 365;
const PAIRS = 300;
const SEARCH_DAYS = 14;
const PURE_BUDGET_MS = 8_000;
const STORE_BUDGET_MS = 20_000;
/** Background rota loaded into the server after the people queried, while time allows. */
const LOAD_BUDGET_MS = 45_000;
const LOAD_CONCURRENCY = 32;
const HARD_STOP_MS = 150_000;
const PARTS: readonly SessionPart[] = ['am', 'pm', 'full_day'];
/** Untimed runs first, so that start-up (JIT, connection pool) is not in the figures. */
const WARM_UP_RUNS = 20;

interface Pair {
  visitor: Person;
  offer: HostOffer;
  visit: Interval;
  part: SessionPart;
}

function choosePairs(trust: SyntheticTrust): Pair[] {
  const random = createSeededRandom('bench:pairs');
  const offers = [...trust.offers.values()];
  const pairs: Pair[] = [];
  while (pairs.length < PAIRS) {
    const visitor = trust.people[random.integer(0, trust.people.length - 1)] as Person;
    const offer = offers[random.integer(0, offers.length - 1)] as HostOffer;
    const date = addDays(trust.firstDay, random.integer(10, trust.days - SEARCH_DAYS - 10));
    if (offer.hostId === visitor.id || ['sat', 'sun'].includes(weekdayOf(date))) continue;
    const part = PARTS[random.integer(0, PARTS.length - 1)] as SessionPart;
    pairs.push({ visitor, offer, part, visit: londonSessionInterval(date, part) });
  }
  return pairs;
}

/** What loadClashContext would read, taken from memory: the same window, no store. */
function contextFromMemory(
  trust: SyntheticTrust,
  pair: Pair,
  window: Interval,
  fullYear: boolean,
): ClashContextInput {
  const from = window.start - ROTA_MARGIN_DAYS * DAY_MS;
  const to = window.end + ROTA_MARGIN_DAYS * DAY_MS;
  const shiftsOf = (personId: string): Shift[] => {
    const all = (trust.rota.get(personId) ?? []).flatMap((month) => month.shifts);
    return fullYear ? all : all.filter((s) => Date.parse(s.end) > from && Date.parse(s.start) < to);
  };
  return {
    visitorShifts: shiftsOf(pair.visitor.id),
    visitorRules: chooseWorkingTimeRules(pair.visitor),
    hostShifts: shiftsOf(pair.offer.hostId),
    offer: pair.offer,
    heldBookings: [],
  };
}

function searchWindow(pair: Pair): Interval {
  return { start: pair.visit.start, end: pair.visit.start + SEARCH_DAYS * DAY_MS };
}

/** Contexts are taken from memory before timing, so only the domain code is timed. */
async function measurePure(trust: SyntheticTrust, pairs: Pair[], fullYear: boolean) {
  const checks = pairs.map((pair) => ({
    ...contextFromMemory(trust, pair, pair.visit, fullYear),
    start: pair.visit.start,
    end: pair.visit.end,
  }));
  const searches = pairs.map((pair) => {
    const window = searchWindow(pair);
    return {
      ...contextFromMemory(trust, pair, window, fullYear),
      from: window.start,
      to: window.end,
      length: pair.part,
    };
  });
  for (let run = 0; run < WARM_UP_RUNS; run += 1) {
    checkVisit(checks[run] as (typeof checks)[number]);
    suggestSlots(searches[run] as (typeof searches)[number]);
  }
  const check = await measure(pairs.length, PURE_BUDGET_MS / 2, (run) =>
    checkVisit(checks[run] as (typeof checks)[number]),
  );
  const slots = await measure(pairs.length, PURE_BUDGET_MS / 2, (run) =>
    suggestSlots(searches[run] as (typeof searches)[number]),
  );
  return { check, slots };
}

/** Loads the people queried (all their months) and their offers, then background rota while time allows. */
async function loadStore(store: DocumentStore, trust: SyntheticTrust, pairs: Pair[]) {
  const started = performance.now();
  const queried = new Set(pairs.flatMap((pair) => [pair.visitor.id, pair.offer.hostId]));
  const others = trust.people.map((person) => person.id).filter((id) => !queried.has(id));
  await mapWithConcurrency([...new Set(pairs.map((pair) => pair.offer))], LOAD_CONCURRENCY, (offer) =>
    store.upsert('offers', { ...offer }),
  );
  let docs = 0;
  const loadPerson = async (personId: string) => {
    for (const month of trust.rota.get(personId) ?? []) {
      await store.upsert('rota', { ...month, id: `${personId}:${month.month}` });
      docs += 1;
    }
  };
  await mapWithConcurrency([...queried], LOAD_CONCURRENCY, loadPerson);
  const queriedDocs = docs;
  const deadline = started + LOAD_BUDGET_MS;
  let backgroundPeople = 0;
  await mapWithConcurrency(others, LOAD_CONCURRENCY, async (personId) => {
    if (performance.now() > deadline) return;
    await loadPerson(personId);
    backgroundPeople += 1;
  });
  return {
    peopleQueried: queried.size,
    queriedDocs,
    backgroundPeople,
    docsLoaded: docs,
    loadSeconds: round((performance.now() - started) / 1000, 1),
  };
}

async function measureStore(store: DocumentStore, pairs: Pair[]) {
  const counting = countRequests(store);
  const services = createServices(counting.store);
  const checkRequests: number[] = [];
  const slotRequests: number[] = [];
  for (const pair of pairs.slice(0, WARM_UP_RUNS)) {
    await loadClashContext(services, pair.visitor, pair.offer, {
      from: new Date(pair.visit.start),
      to: new Date(pair.visit.end),
    });
  }
  const check = await measure(pairs.length, STORE_BUDGET_MS / 2, async (run) => {
    const pair = pairs[run] as Pair;
    counting.reset();
    const context = await loadClashContext(services, pair.visitor, pair.offer, {
      from: new Date(pair.visit.start),
      to: new Date(pair.visit.end),
    });
    checkVisit({ ...context, start: pair.visit.start, end: pair.visit.end });
    checkRequests.push(counting.count());
  });
  const slots = await measure(pairs.length, STORE_BUDGET_MS / 2, async (run) => {
    const pair = pairs[run] as Pair;
    const window = searchWindow(pair);
    counting.reset();
    const context = await loadClashContext(services, pair.visitor, pair.offer, {
      from: new Date(window.start),
      to: new Date(window.end),
    });
    suggestSlots({ ...context, from: window.start, to: window.end, length: pair.part });
    slotRequests.push(counting.count());
  });
  return {
    check,
    slots,
    requestsPerCheck: describeCounts(checkRequests),
    requestsPerSlotSearch: describeCounts(slotRequests),
  };
}

function describeCounts(counts: readonly number[]) {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return { mean: round(total / Math.max(1, counts.length), 2), max: Math.max(0, ...counts) };
}

function printTable(rows: Array<[string, Timing]>): void {
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(44) : cell.padStart(10))).join('');
  console.log(line(['measure (ms)', 'runs', 'p50', 'p95', 'max']));
  for (const [name, t] of rows)
    console.log(line([name, String(t.runs), t.p50.toFixed(3), t.p95.toFixed(3), t.max.toFixed(3)]));
}

async function main(): Promise<void> {
  const started = performance.now();
  const built = performance.now();
  const trust = buildSyntheticTrust(STAFF, FIRST_DAY, DAYS);
  const buildSeconds = round((performance.now() - built) / 1000, 1);
  const months = [...trust.rota.values()].reduce((sum, list) => sum + list.length, 0);
  const pairs = choosePairs(trust);
  const pure = await measurePure(trust, pairs, false);
  const pureYear = await measurePure(trust, pairs, true);
  const server = await startCosmosServer();
  const store = new CosmosDocumentStore({
    endpoint: server.endpoint,
    key: server.key,
    database: 'bench',
    allowSelfSignedTls: true,
    requestTimeoutMs: 30_000,
  });
  try {
    await store.init();
    const load = await loadStore(store, trust, pairs);
    const viaStore = await measureStore(store, pairs);
    const figures = {
      bench: 'slots',
      staff: STAFF,
      rotaMonths: months,
      shifts: trust.shiftCount,
      rotaDays: DAYS,
      offers: trust.offers.size,
      pairs: pairs.length,
      buildSeconds,
      store: { kind: '@vercel/cosmosdb-server over loopback (HTTPS) via CosmosDocumentStore', ...load },
      pure: { check: pure.check, slots: pure.slots },
      pureFullYear: { check: pureYear.check, slots: pureYear.slots },
      viaStore,
      machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    console.log(JSON.stringify(figures));
    console.log(
      `\n${STAFF} staff, ${months} rota months, ${trust.shiftCount} shifts; ${pairs.length} visitor-host pairs; ` +
        `store held ${load.docsLoaded} of ${months} rota months (${load.peopleQueried} people queried + ${load.backgroundPeople} more), loaded in ${load.loadSeconds} s.\n`,
    );
    printTable([
      ['clash check, pure (windowed rotas)', pure.check],
      ['slot search 14 days, pure (windowed rotas)', pure.slots],
      ['clash check, pure (whole-year rotas)', pureYear.check],
      ['slot search 14 days, pure (whole-year rotas)', pureYear.slots],
      ['clash check, with store reads', viaStore.check],
      ['slot search 14 days, with store reads', viaStore.slots],
    ]);
    console.log(
      `\nstore requests per check: mean ${viaStore.requestsPerCheck.mean}, max ${viaStore.requestsPerCheck.max}; ` +
        `per slot search: mean ${viaStore.requestsPerSlotSearch.mean}, max ${viaStore.requestsPerSlotSearch.max}`,
    );
  } finally {
    await store.close();
    await server.stop();
  }
}

if (require.main === module) {
  setTimeout(() => {
    console.error('bench slots: stopped after the time limit');
    process.exit(1);
  }, HARD_STOP_MS).unref();
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
