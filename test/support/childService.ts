import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as typescriptVersion } from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Where children keep each TypeScript source transpiled, named by a hash of its text and the
 * options (a source transpiles alone, wherever it is), shared by every checkout, test and run on
 * this machine: only the first service started after a source changed transpiles it. Transpiling the 388 sources took 8-12 s of each start on
 * a busy machine, of 11-26 s in all (most of the rest is loading botbuilder, teams-ai, the
 * Cosmos DB client and restify).
 */
const TRANSPILED = path.join(os.tmpdir(), 'shadowing-child-transpiled', `typescript-${typescriptVersion}`);

/**
 * Lets a plain `node` child run the TypeScript sources (transpiled on require, as in the store's
 * durability tests, and kept in TRANSPILED), with an optional clock shifted forward by
 * TEST_CLOCK_OFFSET_MS: a restart "a minute later" without waiting a minute, so leases held by a
 * killed process have run out. The child ends itself if the test process that started it goes,
 * so none is left running.
 */
const LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const kept = ${JSON.stringify(TRANSPILED)};
fs.mkdirSync(kept, { recursive: true });
// CommonJS and ES2022 (typescript's ModuleKind.CommonJS and ScriptTarget.ES2022).
const options = { module: 1, target: 9, esModuleInterop: true };
let ts;
const transpile = (source, fileName) => {
  ts ??= require(${JSON.stringify(require.resolve('typescript'))});
  return ts.transpileModule(source, { fileName, compilerOptions: options }).outputText;
};
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(JSON.stringify([options, source])).digest('hex');
  const keptPath = path.join(kept, key + '.js');
  let output;
  try {
    output = fs.readFileSync(keptPath, 'utf8');
  } catch {
    output = transpile(source, filename);
    // Written whole under a name of its own, then renamed: a child reading it never sees half.
    const part = keptPath + '.' + process.pid;
    fs.writeFileSync(part, output);
    fs.renameSync(part, keptPath);
  }
  module._compile(output, filename);
};
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
}
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(1), 1000).unref();
`;

/** Every service started and not yet gone, so a test that stops part way still ends them all. */
const running = new Map<ChildProcess, Promise<void>>();

export interface ChildService {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has gone, however it ended. */
  exited: Promise<void>;
  /**
   * Resolves once the service has logged `count` more lines whose message is `message`, counted
   * from this call: a signal from the service itself, never a guess at how long it takes.
   * Rejects if the process ends first.
   */
  logged(message: string, count?: number): Promise<void>;
}

export async function writeLoader(folder: string): Promise<string> {
  const loaderPath = path.join(folder, 'load-typescript.js');
  await fs.writeFile(loaderPath, LOADER);
  return loaderPath;
}

/** Starts the service (see childServiceMain.ts) in its own process on a free loopback port; resolves once it is serving. */
export async function startChildService(
  loaderPath: string,
  cwd: string,
  env: Record<string, string>,
): Promise<ChildService> {
  const child = spawn(
    process.execPath,
    ['--require', loaderPath, path.join(__dirname, 'childServiceMain.ts')],
    {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_PATH: path.join(ROOT, 'node_modules'),
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  running.set(child, exited);
  void exited.then(() => running.delete(child));
  const watchers = new Set<(message: string) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const entry = parseLogLine(line);
        if (entry?.msg === 'service started' && typeof entry.url === 'string') resolve(entry.url);
        if (typeof entry?.msg === 'string') for (const watch of [...watchers]) watch(entry.msg);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the service exited with ${code} before starting: ${err.slice(0, 2000)}`)),
    );
  });
  const logged = (message: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      let seen = 0;
      const watch = (msg: string) => {
        if (msg !== message || (seen += 1) < count) return;
        watchers.delete(watch);
        resolve();
      };
      watchers.add(watch);
      void exited.then(() => {
        if (!watchers.delete(watch)) return;
        reject(new Error(`the service ended after logging "${message}" ${seen} of ${count} times`));
      });
    });
  return { url, process: child, exited, logged };
}

/** Kills (SIGKILL) every service started here that is still running, started or not, and waits for them to go. */
export async function killChildServices(): Promise<void> {
  const gone = [...running.values()];
  for (const child of running.keys()) child.kill('SIGKILL');
  await Promise.all(gone);
}

function parseLogLine(line: string): Record<string, unknown> | undefined {
  try {
    const entry: unknown = JSON.parse(line);
    return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
