import net, { type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startLatencyProxy } from '../../../bench/support/latencyProxy';
import {
  DEFAULT_STORE_LATENCY_MS,
  storeLatencyMs,
  takeStoreLatency,
} from '../../../bench/support/storeLatency';

describe('latency proxy', () => {
  it('passes every byte through, in order, both ways', async () => {
    const echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const proxy = await startLatencyProxy(`https://127.0.0.1:${(echo.address() as AddressInfo).port}`, 3, {
      inProcess: true,
    });
    try {
      const port = Number(new URL(proxy.endpoint).port);
      const socket = net.connect(port, '127.0.0.1');
      const chunks = Array.from({ length: 50 }, (_, i) => `chunk ${i};`);
      const expected = chunks.join('');
      const received = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (data: Buffer) => {
          text += data.toString('utf8');
          if (text.length >= expected.length) resolve(text);
        });
      });
      for (const chunk of chunks) socket.write(chunk);
      expect(await received).toBe(expected);
      expect(proxy.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      socket.destroy();
    } finally {
      await proxy.stop();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  it('holds every byte sent to the server for at least the latency, and the end after the bytes', async () => {
    const latencyMs = 20;
    // The server notes when each piece of what it is sent arrives, and when the sender ends.
    const received: Array<{ at: number; text: string }> = [];
    let ended: (() => void) | undefined;
    const end = new Promise<void>((resolve) => (ended = resolve));
    let firstArrived: (() => void) | undefined;
    const first = new Promise<void>((resolve) => (firstArrived = resolve));
    const server = net.createServer((socket) => {
      socket.on('data', (data: Buffer) => {
        received.push({ at: performance.now(), text: data.toString('utf8') });
        firstArrived?.();
      });
      socket.on('end', () => {
        received.push({ at: performance.now(), text: '' });
        ended?.();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = await startLatencyProxy(
      `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      latencyMs,
      {
        inProcess: true,
      },
    );
    try {
      const socket = net.connect(Number(new URL(proxy.endpoint).port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      // Pieces written at different moments: some at once, the rest once the first has arrived.
      const sent: Array<{ at: number; text: string }> = [];
      const write = (text: string) => {
        sent.push({ at: performance.now(), text });
        socket.write(text);
      };
      for (let i = 0; i < 5; i += 1) write(`early ${i};`);
      await first;
      for (let i = 0; i < 5; i += 1) write(`late ${i};`);
      const endedAt = performance.now();
      socket.end();
      await end;

      const all = sent.map((s) => s.text).join('');
      expect(received.map((r) => r.text).join('')).toBe(all);
      // Each sent piece's last byte, and when the server had it.
      let offset = 0;
      let arrivedUpTo = 0;
      const arrivals = received.map((r) => ({ at: r.at, upTo: (arrivedUpTo += r.text.length) }));
      for (const piece of sent) {
        offset += piece.text.length;
        const arrival = arrivals.find((a) => a.upTo >= offset);
        expect(arrival).toBeDefined();
        expect((arrival?.at ?? 0) - piece.at).toBeGreaterThanOrEqual(latencyMs);
      }
      expect((received.at(-1)?.at ?? 0) - endedAt).toBeGreaterThanOrEqual(latencyMs);
      const holds = await proxy.holds();
      expect(holds.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...holds)).toBeGreaterThanOrEqual(latencyMs);
    } finally {
      await proxy.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('--store-latency-ms', () => {
  it('is read in either spelling and leaves the other arguments', () => {
    expect(takeStoreLatency(['turn', '--store-latency-ms', '12', 'fanout'])).toEqual({
      latencyMs: 12,
      rest: ['turn', 'fanout'],
    });
    expect(takeStoreLatency(['--store-latency-ms=0'])).toEqual({ latencyMs: 0, rest: [] });
  });

  it('names the option when its value cannot be used', () => {
    for (const bad of [['--store-latency-ms'], ['--store-latency-ms', '-1'], ['--store-latency-ms=fast']])
      expect(() => takeStoreLatency(bad)).toThrow(/--store-latency-ms/);
  });

  it('comes from the arguments, then from what runAll passed on, then the default', () => {
    expect(storeLatencyMs(['--store-latency-ms', '7'], { BENCH_STORE_LATENCY_MS: '3' })).toBe(7);
    expect(storeLatencyMs([], { BENCH_STORE_LATENCY_MS: '3' })).toBe(3);
    expect(storeLatencyMs([], {})).toBe(DEFAULT_STORE_LATENCY_MS);
  });
});
