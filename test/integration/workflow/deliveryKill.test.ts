import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DELIVERY_CONCURRENCY } from '../../../src/app/deliverDue';
import { newNotification } from '../../../src/app/notifyParties';
import { createServices } from '../../../src/app/services';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';

const WORKER = path.join(__dirname, 'deliveryKill.worker.ts');
const MESSAGES = 200;
const PEOPLE = ['person-a', 'person-b', 'person-c', 'person-d'];

/** Lets a plain `node` child load the TypeScript sources, transpiled on require. */
const LOADER = `
const fs = require('node:fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
`;

// Only a hang guard: two senders start in processes of their own, which is slow on a busy machine.
jest.setTimeout(240_000);

/**
 * The sender is killed (SIGKILL) in the middle of 200 queued messages and started again: every
 * message reaches the connector, and at most the one in flight at the kill arrives twice.
 */
describe('a sender killed mid-run', () => {
  let scratch: string;
  let loaderPath: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'delivery-kill-'));
    loaderPath = path.join(scratch, 'load-typescript.js');
    await fs.writeFile(loaderPath, LOADER);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const startWorker = (dataDir: string, url: string, clockOffsetMs: number): ChildProcess => {
    const child = spawn(
      process.execPath,
      ['--require', loaderPath, WORKER, dataDir, url, String(clockOffsetMs)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  };

  it('delivers every message after a restart, none lost, and only messages in flight at the kill sent twice', async () => {
    const dataDir = path.join(scratch, 'data');
    await queueMessages(dataDir);
    const received: string[] = [];
    let onReceive = () => undefined as void;
    const connector = await startRecorder((id) => {
      received.push(id);
      onReceive();
    });

    try {
      // First run: killed once a quarter of the messages have arrived.
      const first = startWorker(dataDir, connector.url, 0);
      const firstExit = exitOf(first);
      await new Promise<void>(
        (resolve) => (onReceive = () => (received.length >= MESSAGES / 4 ? resolve() : undefined)),
      );
      first.kill('SIGKILL');
      expect((await firstExit).signal).toBe('SIGKILL');
      // Whatever the killed run had already written to a connection still arrives: count it as
      // arrived before the kill once every connection it opened has closed.
      await connector.drained();
      const beforeRestart = received.length;
      const arrivedBeforeKill = new Set(received);
      expect(beforeRestart).toBeLessThan(MESSAGES);

      // Second run, after the claims of the killed run have lapsed (the clock is two minutes on).
      onReceive = () => undefined;
      const second = startWorker(dataDir, connector.url, 120_000);
      expect(await exitOf(second)).toMatchObject({ code: 0, out: expect.stringContaining('done') });

      const unique = new Set(received);
      expect(unique.size).toBe(MESSAGES);
      const repeats = received.filter((id, i) => received.indexOf(id) !== i);
      // Only a message the killed run had sent but not yet marked sent can arrive twice: at most
      // one per delivery lane, and each of them one that arrived before the kill.
      expect(repeats.length).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
      for (const id of repeats) expect(arrivedBeforeKill.has(id)).toBe(true);
      const store = new SqliteDocumentStore(dataDir);
      await store.init();
      const outbox = await store.query<{ status: string } & Record<string, unknown> & { id: string }>(
        'outbox',
      );
      await store.close();
      expect(outbox.filter((n) => n.status === 'sent')).toHaveLength(MESSAGES);
    } finally {
      await connector.stop();
    }
  });
});

/** People with conversations, one request, and 200 messages about it spread over the people. */
async function queueMessages(dataDir: string): Promise<void> {
  const store = new SqliteDocumentStore(dataDir);
  await store.init();
  const services = createServices(store);
  const now = new Date('2025-03-03T09:00:00Z');
  for (const id of PEOPLE) {
    await services.people.upsert({
      id,
      email: `${id}@example.nhs.uk`,
      name: id,
      jobTitle: 'Nurse',
      department: 'Ward 1',
      profession: 'nursing',
      roles: ['staff'],
      conversation: { conversation: { id: `a:${id}` } },
    });
  }
  const request: ShadowingRequest = {
    id: 'request-kill',
    visitorId: 'person-a',
    state: 'awaiting_manager',
    purpose: 'To learn',
    objectives: ['See'],
    history: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await services.requests.create(request);
  for (let i = 0; i < MESSAGES; i += 1) {
    await services.outbox.enqueue(
      newNotification(
        'request_update',
        request,
        PEOPLE[i % PEOPLE.length] as string,
        `n${i}`,
        new Date(now.getTime() + i),
      ),
    );
  }
  await store.close();
}

/** A loopback connector that records the notification id of every post and answers 200. */
async function startRecorder(
  onId: (id: string) => void,
): Promise<{ url: string; drained(): Promise<void>; stop(): Promise<void> }> {
  const open = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      onId(String((JSON.parse(raw) as { notificationId: string }).notificationId));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  server.on('connection', (socket) => {
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    open.add(closed);
    void closed.then(() => open.delete(closed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    /** Resolves once every connection open now has closed (and so everything sent on it has been read). */
    drained: async () => void (await Promise.all([...open])),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}
