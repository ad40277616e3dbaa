import { GraphClient } from '../../../src/graph/graphClient';
import { GraphAccessDeniedError, GraphNotFoundError } from '../../../src/graph/graphErrors';
import { findCatalogAppId, installAppForUser } from '../../../src/graph/installApp';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';

const MANAGER = 'ee000000-0000-4000-8000-000000000001';
const CATALOG_APP = 'f1e2d3c4-0000-4000-8000-0000000000c1';
const MANIFEST_ID = 'a9b8c7d6-0000-4000-8000-0000000000d1';
const INSTALLED = `/users/${MANAGER}/teamwork/installedApps`;

describe('installing the app for a person so the bot can reach them', () => {
  let stub: GraphStub;
  let graph: GraphClient;

  beforeEach(async () => {
    stub = await startGraphStub();
    graph = new GraphClient({
      credential: new StubCredential(),
      baseUrl: stub.baseUrl,
      sleep: async () => undefined,
    });
  });
  afterEach(async () => {
    await stub.stop();
  });

  it('posts a binding to the app in the catalogue for that user', async () => {
    stub.route('POST', INSTALLED, { status: 201 });
    expect(await installAppForUser(graph, MANAGER, CATALOG_APP)).toBe('installed');
    expect(stub.requestsTo('POST', INSTALLED).map((r) => r.body)).toEqual([
      { 'teamsApp@odata.bind': `${stub.baseUrl}/appCatalogs/teamsApps/${CATALOG_APP}` },
    ]);
    expect(stub.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('treats "already installed" (409) as done', async () => {
    stub.route('POST', INSTALLED, { status: 409, body: { error: { code: 'Conflict' } } });
    expect(await installAppForUser(graph, MANAGER, CATALOG_APP)).toBe('already installed');
  });

  it('retries once Graph stops throttling', async () => {
    stub.queue('POST', INSTALLED, { status: 429, headers: { 'retry-after': '1' } });
    stub.route('POST', INSTALLED, { status: 201 });
    expect(await installAppForUser(graph, MANAGER, CATALOG_APP)).toBe('installed');
    expect(stub.requestsTo('POST', INSTALLED)).toHaveLength(2);
  });

  it('names the permission when installing is refused, and reports an unknown user', async () => {
    stub.route('POST', INSTALLED, { status: 403, body: { error: { code: 'Forbidden' } } });
    const error = await installAppForUser(graph, MANAGER, CATALOG_APP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toContain('TeamsAppInstallation.ReadWriteSelfForUser.All');
    await expect(
      installAppForUser(graph, 'ee000000-0000-4000-8000-0000000000ff', CATALOG_APP),
    ).rejects.toBeInstanceOf(GraphNotFoundError);
  });

  it('finds the catalogue id from the manifest id, and refuses anything but a GUID', async () => {
    stub.route('GET', '/appCatalogs/teamsApps', (request) => ({
      body: {
        value:
          request.query.get('$filter') === `externalId eq '${MANIFEST_ID}'`
            ? [{ id: CATALOG_APP, externalId: MANIFEST_ID }]
            : [],
      },
    }));
    expect(await findCatalogAppId(graph, MANIFEST_ID)).toBe(CATALOG_APP);
    expect(await findCatalogAppId(graph, 'a9b8c7d6-0000-4000-8000-0000000000d2')).toBeUndefined();
    await expect(findCatalogAppId(graph, "x' or 1 eq 1 or externalId eq 'y")).rejects.toThrow(
      'must be a GUID',
    );
  });
});
