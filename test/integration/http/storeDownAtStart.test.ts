import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/logging/logger';
import { startService, StartupError } from '../../../src/main';

/** A port on loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a store that is down at start', () => {
  it('stops with a message naming the Cosmos settings to check', async () => {
    const port = await closedPort();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      COSMOS_ENDPOINT: `https://127.0.0.1:${port}/`,
      COSMOS_KEY: 'key',
      COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
    });
    const started = startService(config, createLogger('silent'));
    await expect(started).rejects.toBeInstanceOf(StartupError);
    await expect(started).rejects.toThrow(
      /^COSMOS_ENDPOINT \/ COSMOS_KEY: could not open Cosmos DB at https:\/\/127\.0\.0\.1:\d+\/\. Check the endpoint/,
    );
  });

  it('stops with a message naming DATA_DIR when the embedded store cannot be opened', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'not-a-folder-')), 'data');
    writeFileSync(file, 'a file where the data folder should be');
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: file });
    await expect(startService(config, createLogger('silent'))).rejects.toThrow(
      /^DATA_DIR: could not open the embedded store in .*data\. Check that the folder exists or can be created, and is writable\./,
    );
  });
});
