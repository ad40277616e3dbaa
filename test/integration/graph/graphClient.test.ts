import { GraphClient, GRAPH_SCOPE } from '../../../src/graph/graphClient';
import {
  GraphAccessDeniedError,
  GraphError,
  GraphNotFoundError,
  GraphThrottledError,
} from '../../../src/graph/graphErrors';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';

describe('GraphClient against a loopback Graph stub', () => {
  let stub: GraphStub;
  let credential: StubCredential;
  let waits: number[];
  let graph: GraphClient;

  beforeEach(async () => {
    stub = await startGraphStub();
    credential = new StubCredential();
    waits = [];
    graph = new GraphClient({
      credential,
      baseUrl: stub.baseUrl,
      maxAttempts: 3,
      maxRetryAfterMs: 5_000,
      sleep: async (ms) => void waits.push(ms),
    });
  });
  afterEach(async () => {
    await stub.stop();
  });

  it('asks for a Graph token once and reuses it while it is valid', async () => {
    stub.route('GET', '/users/u1', { body: { id: 'u1' } });
    await graph.get('/users/u1');
    await graph.get('/users/u1');
    expect(credential.scopes).toEqual([GRAPH_SCOPE]);
    expect(stub.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer graph-stub-token',
      'Bearer graph-stub-token',
    ]);
  });

  it('follows @odata.nextLink through every page', async () => {
    stub.route('GET', '/groups', (request) => {
      const page = Number(request.query.get('page') ?? '1');
      return {
        body: {
          value: [{ n: page * 10 }, { n: page * 10 + 1 }],
          ...(page < 3 ? { '@odata.nextLink': `${stub.baseUrl}/groups?page=${page + 1}` } : {}),
        },
      };
    });
    const items = await graph.list<{ n: number }>('/groups');
    expect(items.map((i) => i.n)).toEqual([10, 11, 20, 21, 30, 31]);
    expect(stub.requestsTo('GET', '/groups')).toHaveLength(3);
  });

  it('stops at the page limit rather than following pages for ever', async () => {
    stub.route('GET', '/loop', () => ({ body: { value: [1], '@odata.nextLink': `${stub.baseUrl}/loop` } }));
    const limited = new GraphClient({ credential, baseUrl: stub.baseUrl, maxPages: 4 });
    await expect(limited.list('/loop')).rejects.toThrow('more than 4 pages');
    expect(stub.requestsTo('GET', '/loop')).toHaveLength(4);
  });

  it('never sends its token to a next page on another host', async () => {
    stub.route('GET', '/users', {
      body: { value: [{ id: 'a' }], '@odata.nextLink': 'https://graph.example.net/v1.0/users?page=2' },
    });
    await expect(graph.list('/users')).rejects.toThrow('the next page is on another host');
    expect(stub.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429, then carries on', async () => {
    stub.queue('GET', '/users/u2', {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: { code: 'TooManyRequests' } },
    });
    stub.route('GET', '/users/u2', { body: { id: 'u2' } });
    await expect(graph.get('/users/u2')).resolves.toEqual({ id: 'u2' });
    expect(waits).toEqual([2_000]);
    expect(stub.requestsTo('GET', '/users/u2')).toHaveLength(2);
  });

  it('gives up with a throttling error after the allowed attempts', async () => {
    const busy = {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'TooManyRequests' } },
    };
    stub.queue('GET', '/users/u3', busy, busy, busy, busy);
    const error = await graph.get('/users/u3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as GraphThrottledError).retryAfterMs).toBe(1_000);
    expect(waits).toEqual([1_000, 1_000]);
    expect(stub.requestsTo('GET', '/users/u3')).toHaveLength(3);
  });

  it('does not wait at all when Retry-After asks for longer than allowed', async () => {
    stub.queue('GET', '/users/u4', { status: 429, headers: { 'retry-after': '120' } });
    stub.route('GET', '/users/u4', { body: { id: 'u4' } });
    await expect(graph.get('/users/u4')).rejects.toBeInstanceOf(GraphThrottledError);
    expect(waits).toEqual([]);
    expect(stub.requestsTo('GET', '/users/u4')).toHaveLength(1);
  });

  it('turns 403 into an access error naming the permission to grant', async () => {
    stub.route('GET', '/users/u5', {
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } },
    });
    const error = await graph.get('/users/u5', { permission: 'User.Read.All' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toBe(
      'GET /users/u5: Microsoft Graph refused access (403 Authorization_RequestDenied): the app needs the User.Read.All application permission with admin consent.',
    );
  });

  it('turns 404 into a not-found error, and other refusals into a GraphError with the status', async () => {
    await expect(graph.get('/users/nobody')).rejects.toBeInstanceOf(GraphNotFoundError);
    stub.route('POST', '/things', { status: 400, body: { error: { code: 'BadRequest' } } });
    const error = await graph.post('/things', { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect((error as GraphError).code).toBe('BadRequest');
  });

  it('reports a Graph that cannot be reached as unavailable', async () => {
    await stub.stop();
    await expect(graph.get('/users/u6')).rejects.toThrow('Microsoft Graph did not answer');
  });
});
