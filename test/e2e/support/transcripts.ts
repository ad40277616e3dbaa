import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { botMessages } from './chatPage';

/**
 * With E2E_TRANSCRIPT_DIR set, writes what each person's chat shows (every bot message's text, in
 * order) and a screenshot of it to the folder `walk` in it, so a walk through a flow can be read
 * as each person saw it.
 * Does nothing otherwise. Never an assertion: a test checks what it needs on the page itself.
 */
export async function saveTranscripts(walk: string, pages: Record<string, Page>): Promise<void> {
  if (!process.env.E2E_TRANSCRIPT_DIR) return;
  const dir = path.join(process.env.E2E_TRANSCRIPT_DIR, walk);
  await mkdir(dir, { recursive: true });
  for (const [who, page] of Object.entries(pages)) {
    const texts = await botMessages(page).allInnerTexts();
    await writeFile(path.join(dir, `${who}.txt`), texts.join('\n\n---------\n\n'));
    await page.screenshot({ path: path.join(dir, `${who}.png`), fullPage: true, timeout: 10_000 });
  }
}
