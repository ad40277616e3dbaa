import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';

/**
 * Found by the authorisation matrix, which tidies up after each cell: deleting from a partition
 * the embedded store has never written to used to wait out the lock retries and then fail as if
 * the store were down. It answers "nothing to delete", as the port promises and Cosmos DB does.
 */
describe('deleting from a partition that was never written', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'embedded-delete-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resolves false, and a later write to that partition still works', async () => {
    await expect(store.delete('tasks', 'ledger:some-offer', 'nobody-yet')).resolves.toBe(false);
    await store.create('tasks', { id: 'ledger:some-offer', assigneeId: 'nobody-yet' });
    await expect(store.delete('tasks', 'ledger:some-offer', 'nobody-yet')).resolves.toBe(true);
    await expect(store.delete('tasks', 'ledger:some-offer', 'nobody-yet')).resolves.toBe(false);
  });
});
