import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { STORE_LATENCY_ENV, takeStoreLatency } from './support/storeLatency';

/**
 * `npm run bench`: the benchmarks one after another, each in a process of its own and each
 * stopping by itself; or only those named (`node dist/bench/runAll.js turn fanout`). Each prints
 * its JSON line(s) and table to stdout; a summary of times goes to stderr.
 * `--store-latency-ms N` (default 5) sets the latency the turn benchmark adds to every Cosmos
 * request in its cells with a remote store (0 leaves those cells out).
 */
const BENCHMARKS: Record<string, string> = {
  store_ops: 'storeOps.js',
  turn: 'turn.js',
  slots: 'slots.js',
  fanout: 'fanout.js',
  footprint: 'footprint.js',
  understanding: 'understanding.js',
  same_person: 'samePerson.js',
};
/** A benchmark still running after this is stopped, whatever its own limit. */
const BENCHMARK_LIMIT_MS = 300_000;

function runOne(
  name: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<{ name: string; code: number | string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, file)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), BENCHMARK_LIMIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({
        name,
        code: signal ?? code ?? 0,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      });
    });
  });
}

async function main(): Promise<void> {
  let asked: string[];
  const env = { ...process.env };
  try {
    const { latencyMs, rest } = takeStoreLatency(process.argv.slice(2));
    asked = rest;
    if (latencyMs !== undefined) env[STORE_LATENCY_ENV] = String(latencyMs);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const unknown = asked.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark: ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHMARKS).join(', ')}.\n`,
    );
    process.exit(2);
  }
  const names = asked.length > 0 ? asked : Object.keys(BENCHMARKS);
  const results = [];
  for (const name of names) {
    process.stderr.write(`\n== ${name} ==\n`);
    results.push(await runOne(name, BENCHMARKS[name] as string, env));
    process.stdout.write('\n');
  }
  process.stderr.write(
    `\n${results.map((r) => `${r.name}: ${r.code === 0 ? 'done' : `failed (${r.code})`} in ${r.seconds} s`).join('\n')}\n`,
  );
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
}

void main();
