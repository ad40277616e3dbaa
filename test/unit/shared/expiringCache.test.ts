import { ExpiringCache } from '../../../src/shared/expiringCache';

describe('ExpiringCache', () => {
  let now = 0;
  const cache = (maxEntries = 3) => new ExpiringCache<string>({ ttlMs: 1_000, maxEntries, now: () => now });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers a value until it expires, then reads as absent', () => {
    const values = cache();
    values.set('a', 'one', values.startRead());
    now += 999;
    expect(values.get('a')).toBe('one');
    now += 1;
    expect(values.get('a')).toBeUndefined();
    expect(values.size).toBe(0);
  });

  it('drops a value this instance forgot (its own write) at once', () => {
    const values = cache();
    values.set('a', 'one', values.startRead());
    values.forget('a');
    expect(values.get('a')).toBeUndefined();
  });

  it('does not keep what a read returned when the key was forgotten while the read was under way', () => {
    const values = cache();
    const started = values.startRead();
    values.forget('a');
    expect(values.set('a', 'old', started)).toBe(false);
    expect(values.get('a')).toBeUndefined();
    // Another key forgotten meanwhile does not stop it.
    const again = values.startRead();
    values.forget('b');
    expect(values.set('a', 'new', again)).toBe(true);
    expect(values.get('a')).toBe('new');
  });

  it('keeps at most maxEntries values, dropping the oldest', () => {
    const values = cache(3);
    for (const key of ['a', 'b', 'c', 'd']) values.set(key, key, values.startRead());
    expect(values.size).toBe(3);
    expect(values.get('a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((key) => values.get(key))).toEqual(['b', 'c', 'd']);
  });

  it('remembers only maxEntries forgets, and then refuses any read that began before a forgotten one', () => {
    const values = cache(2);
    const started = values.startRead();
    for (const key of ['a', 'b', 'c']) values.forget(key);
    // 'a' is no longer listed as forgotten, but the read began before it was: still refused.
    expect(values.set('a', 'old', started)).toBe(false);
    expect(values.set('a', 'new', values.startRead())).toBe(true);
  });

  it('drops a key on request only while it still holds that value (a failed read), leaving a newer one', () => {
    const values = cache();
    values.set('a', 'failed', values.startRead());
    values.drop('a', 'failed');
    expect(values.get('a')).toBeUndefined();
    values.set('a', 'newer', values.startRead());
    values.drop('a', 'failed');
    expect(values.get('a')).toBe('newer');
    // Dropping is not a write: a read that began before it is still kept.
    const started = values.startRead();
    values.drop('a', 'newer');
    expect(values.set('a', 'read', started)).toBe(true);
  });
});
