import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import { CONTAINER_NAMES, partitionKeyField, type ContainerName } from '../../src/store/containers';
import type { Doc } from '../../src/store/documentStore';
import { encodeFileName } from '../../src/store/legacy/encodeFileName';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';

/** One document as the old embedded store kept it. */
export interface LegacyEntry {
  container: ContainerName;
  doc: Doc;
  etag: string;
  /** The file's modification time, from which the old store counted `ttl`. */
  writtenAt: Date;
}

/**
 * Writes one document in the old embedded layout, exactly as the old store did:
 * `<folder>/<container>/<encoded partition key>/<encoded id>.json` holding `{ etag, doc }`, with
 * the file's modification time as the last write.
 */
export async function writeLegacyDocument(folder: string, entry: LegacyEntry): Promise<string> {
  const partitionKey = String(entry.doc[partitionKeyField(entry.container)]);
  const file = path.join(
    folder,
    entry.container,
    encodeFileName(partitionKey),
    `${encodeFileName(entry.doc.id)}.json`,
  );
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify({ etag: entry.etag, doc: entry.doc }));
  await fs.utimes(file, entry.writtenAt, entry.writtenAt);
  return file;
}

/**
 * A demo Trust in the old layout, as `npm start` left it on first run, plus what a Trust that used
 * it for a while would have: turn state, messages with a time to live (one already expired), odd
 * ids and partition keys, and the debris of the old store (lock folders, an unfinished write).
 */
export async function buildDemoLegacyStore(folder: string, today: Date): Promise<LegacyEntry[]> {
  const entries = [...(await demoDocuments(today)), ...extraDocuments(today)];
  for (const container of CONTAINER_NAMES) await fs.mkdir(path.join(folder, container), { recursive: true });
  for (const entry of entries) await writeLegacyDocument(folder, entry);
  const someFile = path.join(folder, 'people', encodeFileName('odd.Person'));
  await fs.mkdir(path.join(someFile, `.${encodeFileName('odd.Person')}.json.lock`));
  await fs.writeFile(path.join(someFile, `.${encodeFileName('odd.Person')}.json.4242.abcdef.tmp`), '{"et');
  return entries;
}

async function demoDocuments(today: Date): Promise<LegacyEntry[]> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'legacy-demo-'));
  const store = new SqliteDocumentStore(scratch);
  try {
    await store.init();
    await seedDemoOrganisation(store, { today });
    const entries: LegacyEntry[] = [];
    for (const container of CONTAINER_NAMES) {
      for (const doc of await store.query(container)) {
        entries.push({ container, doc, etag: randomUUID(), writtenAt: today });
      }
    }
    return entries;
  } finally {
    await store.close();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function extraDocuments(today: Date): LegacyEntry[] {
  const hoursAgo = (hours: number) => new Date(today.getTime() - hours * 3_600_000);
  const entry = (container: ContainerName, doc: Doc, writtenAt = today): LegacyEntry => ({
    container,
    doc,
    etag: `"${randomUUID()}"`,
    writtenAt,
  });
  return [
    entry('people', { id: 'odd.Person', name: 'Siân O’Brien 🩺', roles: ['staff'] }),
    entry('botstate', {
      id: Buffer.from('msteams/conv-1/conversation').toString('base64url'),
      state: { step: 'purpose', draft: { a: [1, 2] } },
    }),
    entry('requests', { id: 'r-1', visitorId: 'visitor/ä b.c', state: 'awaiting_manager', manager: null }),
    entry('jobs', { id: 'x'.repeat(250), kind: 'long id' }),
    entry('outbox', { id: 'message-live', personId: 'p-1', ttl: 86_400, status: 'sent' }, hoursAgo(2)),
    entry('outbox', { id: 'message-expired', personId: 'p-1', ttl: 3_600, status: 'sent' }, hoursAgo(2)),
    entry('outbox', { id: 'message-kept', personId: 'p-1', ttl: -1, status: 'sent' }, hoursAgo(2)),
  ];
}

/** Every file under `folder` with its content and modification time, to show nothing changed. */
export async function snapshotFolder(folder: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  const snapshot: Record<string, string> = {};
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    const name = path.relative(folder, file);
    if (name.startsWith('shadowing.db')) continue;
    const stats = await fs.stat(file);
    snapshot[name] = entry.isFile() ? `${stats.mtimeMs} ${await fs.readFile(file, 'utf8')}` : 'folder';
  }
  return snapshot;
}
