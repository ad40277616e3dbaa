import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/logging/logger';
import { startService, type RunningService, type ServiceOptions } from '../../src/main';
import { TEST_SERVER_REQUEST_TIMEOUT_MS } from './cosmosServer';
import { settleAfterTurns } from './http';

export interface TestService extends RunningService {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * /healthz's wait for the store in tests: a hang guard only. No test is about the 3 s production
 * allows, and a busy machine can take longer to answer a ping from a store in the test's own process.
 */
const TEST_HEALTH_TIMEOUT_MS = 60_000;

/**
 * The real service on 127.0.0.1 and a free port, with an embedded store in a fresh folder (or the
 * Cosmos-protocol server `env` names, whose requests get the same hang guard as other clients of a
 * server in the test's own process; tests about store timeouts pass their own).
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
  logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
): Promise<TestService> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'shadowing-test-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const service = await startService(config, logger, {
    healthTimeoutMs: TEST_HEALTH_TIMEOUT_MS,
    cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    ...options,
  });
  const unsettle = settleAfterTurns(service.url, () => service.afterAnswer.idle());
  return {
    ...service,
    dataDir,
    stop: async () => {
      unsettle();
      await service.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
