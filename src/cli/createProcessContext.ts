import { readCliDebug } from '../config/cliSettings';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import type { CliContext } from './cliContext';

/**
 * The context for a real run: stdout and stderr, the system clock, and the store named by the
 * settings. Settings are read only when a command first needs the store, so `--help` works even
 * when they are wrong. Store logs go to stderr, so stdout carries only the command's own output.
 * The store adapters (and the Cosmos SDK) are loaded on first use, which keeps `--help` quick.
 */
export function createProcessContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  return {
    out: process.stdout,
    err: process.stderr,
    now: () => new Date(),
    env,
    openStore: () => openConfiguredStore(env),
  };
}

async function openConfiguredStore(env: NodeJS.ProcessEnv): Promise<DocumentStore> {
  const config = loadConfig(env);
  const { createStore } = await import('../store/createStore');
  const logger = createLogger(readCliDebug(env) ? 'debug' : 'warn', process.stderr);
  const store = createStore(config.store, logger);
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
