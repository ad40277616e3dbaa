import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentNotFoundError } from '../../src/store/documentStore';
import { FileDocumentStore } from '../../src/store/embedded/fileDocumentStore';

/**
 * Time to live in the embedded store, as Cosmos DB applies it: a document with `ttl` seconds is
 * gone that long after its last write. Two stores share one folder; the second's clock runs ahead.
 */
describe('embedded store: time to live', () => {
  let dataDir: string;
  let today: FileDocumentStore;
  let later: FileDocumentStore;
  const HOUR = 3_600_000;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-ttl-'));
    today = new FileDocumentStore(dataDir);
    later = new FileDocumentStore(dataDir, undefined, () => Date.now() + 2 * HOUR);
    await today.init();
  });
  afterEach(async () => fs.rm(dataDir, { recursive: true, force: true }));

  const files = async (partition: string) =>
    fs.readdir(path.join(dataDir, 'outbox', partition)).catch(() => []);

  it('hides an expired document from reads and queries, and purges it', async () => {
    await today.create('outbox', { id: 'short', personId: 'p1', ttl: 3600 });
    await today.create('outbox', { id: 'long', personId: 'p1', ttl: 3 * 3600 });
    await today.create('outbox', { id: 'for-ever', personId: 'p1', ttl: -1 });
    await today.create('outbox', { id: 'plain', personId: 'p1' });

    expect((await today.query('outbox', { partitionKey: 'p1' })).map((d) => d.id).sort()).toEqual([
      'for-ever',
      'long',
      'plain',
      'short',
    ]);
    expect(await later.read('outbox', 'short', 'p1')).toBeUndefined();
    expect((await later.query('outbox', { partitionKey: 'p1' })).map((d) => d.id).sort()).toEqual([
      'for-ever',
      'long',
      'plain',
    ]);
    expect((await later.query('outbox')).map((d) => d.id).sort()).toEqual(['for-ever', 'long', 'plain']);
    expect((await files('p1')).sort()).toEqual(['for-ever.json', 'long.json', 'plain.json']);
  });

  it('treats an expired document as absent when writing, and counts from the last write', async () => {
    await today.create('outbox', { id: 'message', personId: 'p2', ttl: 3600 });
    await expect(
      later.replace('outbox', { id: 'message', personId: 'p2', ttl: 3600 }),
    ).rejects.toBeInstanceOf(DocumentNotFoundError);
    expect(await later.delete('outbox', 'message', 'p2')).toBe(false);

    await today.create('outbox', { id: 'again', personId: 'p2', ttl: 3600 });
    await expect(
      later.create('outbox', { id: 'again', personId: 'p2', ttl: 3600, second: true }),
    ).resolves.toMatchObject({ doc: { second: true } });
    // Written again "now": the later clock is only two hours on, within a three-hour life.
    await today.upsert('outbox', { id: 'renewed', personId: 'p2', ttl: 3 * 3600 });
    expect(await later.read('outbox', 'renewed', 'p2')).toBeDefined();
  });
});
