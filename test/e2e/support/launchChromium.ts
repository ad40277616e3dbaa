import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ChromiumSession {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Requests the route refused because they left this machine (fonts from a CDN, for example). */
  blockedRequests: string[];
  close(): Promise<void>;
}

/** Throws, never skips, when Debian's Chromium is not installed. */
export function ensureChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (see README)`,
    );
  }
}

/**
 * Debian's Chromium, headless, with a fresh profile in a temporary folder. Every request that is
 * not for 127.0.0.1 / localhost is aborted, so the test never reaches the network.
 */
export async function launchChromium(): Promise<ChromiumSession> {
  ensureChromiumInstalled();
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'shadowing-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http') || LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
    blockedRequests.push(url.href);
    return route.abort();
  });
  return {
    context,
    blockedRequests,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
