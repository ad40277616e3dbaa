import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../logging/logger';
import { requestLogger } from '../logging/requestLogger';
import { checkActivityShape } from './checkActivity';

export interface ServerDependencies {
  logger: Logger;
  maxBodyBytes: number;
  /** Handles one Bot Framework activity (POST /api/messages). */
  handleActivity: (req: Request, res: Response) => Promise<void>;
  /** Resolves when the store answers; rejects when it does not. */
  checkHealth: () => Promise<Record<string, unknown>>;
  /** How long /healthz waits for the store before it answers 503 (3 s unless a test says otherwise). */
  healthTimeoutMs?: number;
}

const HEALTH_TIMEOUT_MS = 3000;

/** The HTTP service: the bot's messaging endpoint and a health check, nothing else. */
export function createServer({
  logger,
  maxBodyBytes,
  handleActivity,
  checkHealth,
  healthTimeoutMs = HEALTH_TIMEOUT_MS,
}: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'shadowing-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = checkActivityShape(req.body);
    if (problem) {
      requestLogger(logger, req).warn({ problem }, 'refused a malformed activity');
      res.send(400, { code: 'BadRequest', message: 'The request body is not a valid activity.' });
      return;
    }
    await handleActivity(req, res);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      const details = await withTimeout(checkHealth(), healthTimeoutMs);
      res.send(200, { status: 'ok', ...details });
    } catch (error) {
      logger.warn({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable', reason: 'The data store is not answering.' });
    }
  });

  server.on('after', (req: Request, res: Response) => {
    // A child logger per request costs CPU on every turn: made only when the line is written.
    if (!logger.isLevelEnabled('info')) return;
    requestLogger(logger, req).info(
      { method: req.method, path: req.path(), status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      requestLogger(logger, req).warn({ status: err.statusCode, error: err.name }, 'request refused');
      callback();
    },
  );
  return server;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
