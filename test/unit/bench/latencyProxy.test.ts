import net, { type AddressInfo } from 'node:net';
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
    const proxy = await startLatencyProxy(`https://127.0.0.1:${(echo.address() as AddressInfo).port}`, 3);
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
