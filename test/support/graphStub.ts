import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/identity';

export const STUB_TOKEN = 'graph-stub-token';

export interface StubRequest {
  method: string;
  /** Path below /v1.0, without the query. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface StubResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: StubRequest, stub: GraphStub) => StubResponse;

export interface GraphStub {
  /** http://127.0.0.1:<port>/v1.0 */
  baseUrl: string;
  requests: StubRequest[];
  /** Answers `method path` (exact path, or a pattern) with a fixed response or a handler. */
  route(method: string, path: string | RegExp, answer: StubResponse | Handler): void;
  /** Answers the next calls to `method path` with these, in order, before its route does. */
  queue(method: string, path: string, ...responses: StubResponse[]): void;
  requestsTo(method: string, path: string): StubRequest[];
  stop(): Promise<void>;
}

/**
 * A small stand-in for Microsoft Graph on 127.0.0.1: routes answer with JSON; a request without
 * the stub's bearer token gets 401; an unknown route gets Graph's 404 body.
 */
export async function startGraphStub(): Promise<GraphStub> {
  const routes: Array<{ method: string; path: string | RegExp; answer: StubResponse | Handler }> = [];
  const queued = new Map<string, StubResponse[]>();
  const requests: StubRequest[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/v1\.0/, ''),
        query: url.searchParams,
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
      };
      requests.push(request);
      const answer = answerFor(request);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });

  function answerFor(request: StubRequest): StubResponse {
    if (request.headers.authorization !== `Bearer ${STUB_TOKEN}`) {
      return {
        status: 401,
        body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } },
      };
    }
    const next = queued.get(`${request.method} ${request.path}`)?.shift();
    if (next) return next;
    const route = routes.find(
      (r) =>
        r.method === request.method &&
        (typeof r.path === 'string' ? r.path === request.path : r.path.test(request.path)),
    );
    if (!route)
      return {
        status: 404,
        body: { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } },
      };
    return typeof route.answer === 'function' ? route.answer(request, stub) : route.answer;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  const stub: GraphStub = {
    baseUrl,
    requests,
    route: (method, path, answer) => routes.unshift({ method, path, answer }),
    queue: (method, path, ...responses) =>
      queued.set(`${method} ${path}`, [...(queued.get(`${method} ${path}`) ?? []), ...responses]),
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return stub;
}

/** A TokenCredential that hands out the stub's token and records the scopes asked for. */
export class StubCredential implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: STUB_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}
