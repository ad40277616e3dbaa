/** Polls `url` until it answers 200, or throws after `timeoutMs` naming the last thing it saw. */
export async function waitForHealthy(url: string, timeoutMs = 30_000, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1_000, intervalMs * 5)) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastSeen = `HTTP ${response.status}`;
    } catch (error) {
      lastSeen = describeFetchError(error);
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} was not healthy within ${Math.round(timeoutMs / 1000)} s (last: ${lastSeen}).`);
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
