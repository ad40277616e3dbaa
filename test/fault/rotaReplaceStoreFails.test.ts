import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personIdForEmail } from '../../src/cli/import/personIdForEmail';
import type { RotaMonth } from '../../src/domain/rota';
import { StoreUnavailableError, type Doc } from '../../src/store/documentStore';
import { fixture, openTestStore, runAgainst, type TestStore } from '../integration/cli/cliHarness';

const ANN = personIdForEmail('ann.nurse@trust.nhs.uk');

/**
 * A roster imported with --replace moves Ann's night of Sat 28 March to Wed 1 April, and the store
 * stops answering as the April month is written. Nothing is lost: the month that only loses the
 * night is written after the one that gains it, so Ann still has her old night, and importing the
 * file again once the store answers finishes the job.
 */
describe('rota import --replace when the store fails part way', () => {
  let store: TestStore;
  let dir: string;

  beforeEach(async () => {
    store = await openTestStore();
    dir = await mkdtemp(path.join(tmpdir(), 'rota-replace-fault-'));
    expect((await runAgainst(store, 'directory', 'import', fixture('staff.csv'))).code).toBe(0);
    expect((await runAgainst(store, 'rota', 'import', fixture('rota.csv'))).code).toBe(0);
  });
  afterEach(async () => {
    await store.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  /** The store refuses writes to this month of the rota until `heal` is called. */
  function failWritesTo(month: string): { heal(): void } {
    let failing = true;
    const target = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const operation of ['create', 'replace', 'upsert'] as const) {
      const original = target[operation]!.bind(store);
      target[operation] = (container: unknown, doc: unknown, ...rest: unknown[]) => {
        if (failing && container === 'rota' && (doc as Doc).month === month)
          return Promise.reject(new StoreUnavailableError('The store is not answering.'));
        return original(container, doc, ...rest);
      };
    }
    return { heal: () => (failing = false) };
  }

  const nights = async () =>
    (await store.query<RotaMonth & Doc>('rota', { partitionKey: ANN }))
      .flatMap((month) => month.shifts)
      .filter((shift) => shift.code === 'N')
      .map((shift) => shift.start)
      .sort();

  it('keeps the old night until the new one is written, and a second import finishes the move', async () => {
    const file = path.join(dir, 'roster.csv');
    await writeFile(
      file,
      [
        'staff_email,date,start,end,code',
        'ann.nurse@trust.nhs.uk,2026-03-10,20:00,08:00,N',
        'ann.nurse@trust.nhs.uk,2026-03-16,13:00,21:00,L',
        'ann.nurse@trust.nhs.uk,2026-04-01,20:00,08:00,N',
      ].join('\n'),
    );
    const outage = failWritesTo('2026-04');

    const failed = await runAgainst(store, 'rota', 'import', file, '--replace');

    expect(failed.code).toBe(1);
    expect(failed.out).toBe('');
    expect(await nights()).toEqual(['2026-03-10T20:00:00.000Z', '2026-03-28T20:00:00.000Z']);

    outage.heal();
    const again = await runAgainst(store, 'rota', 'import', file, '--replace');

    expect(again.code).toBe(0);
    expect(again.out).toContain('Removed 1 shift no longer in the file.');
    expect(await nights()).toEqual(['2026-03-10T20:00:00.000Z', '2026-04-01T19:00:00.000Z']);
  });
});
