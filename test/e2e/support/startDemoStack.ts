import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  spawnPlayground,
  type PlaygroundOptions,
  type RunningPlayground,
} from '../../../scripts/playground/spawnPlayground';
import { findFreePort, LOOPBACK_HOST, PortInUseError } from '../../../scripts/playground/ports';
import { findPlaygroundUser } from '../../../scripts/playground/playgroundUsers';
import { waitForHealthy } from '../../../scripts/playground/waitForHealthy';
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/logging/logger';
import { startService, type RunningService } from '../../../src/main';
import { STEP_TIMEOUT_MS } from './chatPage';

export interface DemoStack {
  service: RunningService;
  /** One Playground per person asked for, by key (alex, megan, ...). */
  playgrounds: Record<string, RunningPlayground>;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The bot in this process on a fresh embedded store (the demo organisation is loaded into it) on a
 * free port, and one Playground per demo person on free ports, all on 127.0.0.1. `settings` are
 * further environment settings for the bot, e.g. SCHEDULER_INTERVAL_SECONDS: '0' so that only the
 * test runs the scheduler's tick.
 */
export async function startDemoStack(
  peopleKeys: string[],
  settings: Record<string, string> = {},
): Promise<DemoStack> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'shadowing-e2e-'));
  const dataDir = path.join(scratch, 'data');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    ...settings,
  });
  const service = await startService(config, createLogger(config.logLevel));
  const playgrounds: Record<string, RunningPlayground> = {};
  const stop = async (): Promise<void> => {
    await Promise.all(Object.values(playgrounds).map((playground) => playground.stop()));
    await service.close();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    const botBase = `http://${LOOPBACK_HOST}:${service.port}`;
    await waitForHealthy(`${botBase}/healthz`, STEP_TIMEOUT_MS);
    for (const key of peopleKeys) {
      const user = findPlaygroundUser(key);
      if (!user) throw new Error(`No Playground user called "${key}".`);
      playgrounds[key] = await spawnOnFreePort({
        user,
        botEndpoint: `${botBase}/api/messages`,
        workDir: path.join(scratch, 'playground', key),
        startTimeoutMs: STEP_TIMEOUT_MS,
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { service, playgrounds, dataDir, stop };
}

/**
 * A port free a moment ago can be taken by another program (another test run, say) before the
 * Playground listens on it; the Playground then says so, and it is started again on another port.
 */
async function spawnOnFreePort(options: Omit<PlaygroundOptions, 'port'>): Promise<RunningPlayground> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await spawnPlayground({ ...options, port: await findFreePort() });
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
    }
  }
}
