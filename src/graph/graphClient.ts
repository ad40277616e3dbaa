import type { TokenCredential } from '@azure/identity';
import {
  GraphAccessDeniedError,
  GraphError,
  GraphNotFoundError,
  GraphThrottledError,
  GraphUnavailableError,
} from './graphErrors';
import { readRetryAfter } from '../shared/readRetryAfter';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphClientOptions {
  /** Where tokens come from: DefaultAzureCredential (managed identity) in Azure. */
  credential: TokenCredential;
  /** https://graph.microsoft.com/v1.0 unless a test points it at a stub. */
  baseUrl?: string;
  /** Attempts per request when Graph answers 429 or 503 (the first included). */
  maxAttempts?: number;
  /** The longest single wait accepted; a longer Retry-After fails at once, for the caller to come back later. */
  maxRetryAfterMs?: number;
  requestTimeoutMs?: number;
  /** Pages followed through @odata.nextLink before giving up. */
  maxPages?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GraphRequest {
  /** Headers beyond authorisation, e.g. MS-APP-ACTS-AS. */
  headers?: Record<string, string>;
  /** The application permission this call needs, named in the error when Graph says 403. */
  permission?: string;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const TOKEN_MARGIN_MS = 2 * 60_000;
const DEFAULT_BACKOFF_MS = 1_000;

/**
 * A small Microsoft Graph client over fetch: an app token for the Graph scope (kept until shortly
 * before it expires), JSON in and out, paging, bounded retries on 429/503 honouring Retry-After,
 * and errors that say what to check. Paths are relative to the base URL, e.g. `/users/{id}`.
 */
export class GraphClient {
  readonly baseUrl: string;
  private readonly origin: string;
  private token?: { value: string; expiresAt: number };

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
  }

  async get<T>(path: string, request: GraphRequest = {}): Promise<T> {
    return (await this.send<T>('GET', this.urlFor(path), undefined, request)) as T;
  }

  /** Every item of a collection, following @odata.nextLink (only ever to Graph itself). */
  async list<T>(path: string, request: GraphRequest = {}): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = this.urlFor(path);
    for (let page = 0; url !== undefined; page += 1) {
      if (page >= (this.options.maxPages ?? 100))
        throw new GraphError(
          `GET ${describePath(path)}: more than ${page} pages; stopped.`,
          undefined,
          'TooManyPages',
        );
      const body: Page<T> = (await this.send<Page<T>>('GET', url, undefined, request)) ?? {};
      items.push(...(body.value ?? []));
      url = this.checkNextLink(body['@odata.nextLink'], path);
    }
    return items;
  }

  async post<T>(path: string, body: unknown, request: GraphRequest = {}): Promise<T | undefined> {
    return this.send<T>('POST', this.urlFor(path), body, request);
  }

  private urlFor(path: string): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  private checkNextLink(link: string | undefined, path: string): string | undefined {
    if (!link) return undefined;
    if (new URL(link, this.baseUrl).origin !== this.origin) {
      throw new GraphError(
        `GET ${describePath(path)}: the next page is on another host; not followed.`,
        undefined,
        'UnexpectedNextLink',
      );
    }
    return link;
  }

  private async send<T>(
    method: string,
    url: string,
    body: unknown,
    request: GraphRequest,
  ): Promise<T | undefined> {
    const label = `${method} ${describePath(url.slice(this.baseUrl.length) || url)}`;
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.fetchOnce(method, url, body, request, label);
      if (response.ok) return readBody<T>(response, label);
      const retryAfterMs = readRetryAfter(response.headers.get('retry-after'));
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs ?? DEFAULT_BACKOFF_MS * attempt;
        if (attempt >= maxAttempts || wait > (this.options.maxRetryAfterMs ?? 10_000)) {
          await response.body?.cancel();
          throw new GraphThrottledError(
            `${label}: Microsoft Graph is busy (${response.status}) after ${attempt} attempt(s); try again later.`,
            response.status,
            retryAfterMs,
          );
        }
        await response.body?.cancel();
        await (this.options.sleep ?? sleep)(wait);
        continue;
      }
      throw await toError(response, label, request.permission);
    }
  }

  private async fetchOnce(
    method: string,
    url: string,
    body: unknown,
    request: GraphRequest,
    label: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.accessToken()}`,
      accept: 'application/json',
      ...request.headers,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
        redirect: 'error',
      });
    } catch (error) {
      throw new GraphUnavailableError(
        `${label}: Microsoft Graph did not answer (${(error as Error).name}).`,
        undefined,
        undefined,
      );
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > Date.now()) return this.token.value;
    const token = await this.options.credential.getToken(GRAPH_SCOPE);
    if (!token)
      throw new GraphError(
        'No token for Microsoft Graph: check the managed identity (AZURE_CLIENT_ID) or app registration.',
        undefined,
        'NoToken',
      );
    this.token = { value: token.token, expiresAt: token.expiresOnTimestamp };
    return token.token;
  }
}

async function readBody<T>(response: Response, label: string): Promise<T | undefined> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GraphUnavailableError(
      `${label}: Microsoft Graph answered with something that is not JSON.`,
      response.status,
      undefined,
    );
  }
}

async function toError(
  response: Response,
  label: string,
  permission: string | undefined,
): Promise<GraphError> {
  const code = await readErrorCode(response);
  if (response.status === 403 || response.status === 401) {
    const needs = permission
      ? `the app needs the ${permission} application permission with admin consent`
      : "check the app's Graph permissions and admin consent";
    return new GraphAccessDeniedError(
      `${label}: Microsoft Graph refused access (${response.status} ${code ?? ''}): ${needs}.`.replace(
        ' )',
        ')',
      ),
      response.status,
      code,
    );
  }
  if (response.status === 404)
    return new GraphNotFoundError(`${label}: not found in Microsoft Graph.`, 404, code);
  if (response.status >= 500)
    return new GraphUnavailableError(
      `${label}: Microsoft Graph failed (${response.status}).`,
      response.status,
      code,
    );
  return new GraphError(
    `${label}: Microsoft Graph refused the request (${response.status} ${code ?? ''}).`.replace(' )', ')'),
    response.status,
    code,
  );
}

async function readErrorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code.slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

/** The path without its query, which may carry filters: enough to say which call failed. */
function describePath(pathOrUrl: string): string {
  return pathOrUrl.split('?')[0] ?? pathOrUrl;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
