import { DatabaseSync } from 'node:sqlite';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import type { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { startTestService, type TestService } from '../../support/startTestService';

/** /healthz stays 200 while the store answers, and counts the documents it could not read. */
describe('/healthz with a damaged document', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await seedDemoOrganisation(service.store, { today: new Date(), force: true });
  });
  afterAll(async () => service.stop());

  it('answers 200 and counts an unreadable document once it has been met', async () => {
    const health = async () => {
      const response = await fetch(`${service.url}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', store: 'embedded', unreadableDocuments: 0 },
    });

    const db = new DatabaseSync((service.store as SqliteDocumentStore).file);
    db.prepare("UPDATE documents SET body = '{\"id\":' WHERE container = 'people' AND id = ?").run(
      DEMO_IDS.lynne,
    );
    db.close();
    const everyone = await service.store.query('people');
    expect(everyone.length).toBeGreaterThan(10);
    await expect(service.store.read('people', DEMO_IDS.lynne, DEMO_IDS.lynne)).rejects.toThrow(
      'cannot be read',
    );

    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', store: 'embedded', unreadableDocuments: 1 },
    });
  });
});
