import {
  HOLDER_SILENT_MS,
  JOINING_MS,
  reserveSendSlots,
  slotSpacingMicros,
} from '../../../src/app/sending/reserveSendSlots';
import type { DocumentStore } from '../../../src/store/documentStore';
import { SHARED_STORE_SUBJECTS } from '../../support/sharedStores';

const START = 1_800_000_000_000;

/**
 * The shared schedule keeps the wider room of a joining instance (see TRIP_ALLOWANCE_MS) for
 * JOINING_MS after an instance starts taking slots beside another, and only then: an instance
 * back after falling silent joins again, as the others had stopped counting it.
 */
describe.each(SHARED_STORE_SUBJECTS)('an instance joining the shared schedule: $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  let at = START;

  beforeEach(async () => {
    const opened = await subject.open();
    store = await opened.connect();
    cleanup = opened.cleanup;
    at = START;
  });
  afterEach(async () => {
    await cleanup();
  });

  const reserve = (instance: string) =>
    reserveSendSlots(store, { count: 1, perSecond: 50, now: () => at, instance });
  const [steady, joining] = [slotSpacingMicros(50, 2), slotSpacingMicros(50, 2, true)];

  it('alone, then joined: the wider spacing for JOINING_MS after the second starts, then the steady one', async () => {
    expect(await reserve('a')).toMatchObject({
      instances: 1,
      joining: false,
      spacingMicros: slotSpacingMicros(50, 1),
    });
    at += 500;
    const joined = at;
    expect(await reserve('b')).toMatchObject({ instances: 2, joining: true, spacingMicros: joining });
    for (at += 200; at < joined + JOINING_MS; at += 200)
      for (const instance of ['a', 'b'])
        expect(await reserve(instance)).toMatchObject({
          instances: 2,
          joining: true,
          spacingMicros: joining,
        });
    at = joined + JOINING_MS;
    expect(await reserve('a')).toMatchObject({ instances: 2, joining: false, spacingMicros: steady });
    expect(await reserve('b')).toMatchObject({ instances: 2, joining: false, spacingMicros: steady });
    expect(steady).toBeLessThan(joining);
  });

  it('an instance back after falling silent joins again, even when the schedule still holds when it first joined', async () => {
    await reserve('a');
    await reserve('b');
    // Both keep sending until well past the join.
    for (at += 200; at < START + JOINING_MS + 1_000; at += 200) {
      await reserve('a');
      await reserve('b');
    }
    // `b` stops; `a` writes the schedule once more while `b` still counts as sending.
    const stopped = at - 200;
    at = stopped + HOLDER_SILENT_MS - 100;
    expect(await reserve('a')).toMatchObject({ instances: 2, joining: false });
    // `b` is back after falling silent; `a` has not, so both send again and `b` has just joined.
    at = stopped + HOLDER_SILENT_MS + 500;
    expect(await reserve('b')).toMatchObject({ instances: 2, joining: true, spacingMicros: joining });
  });
});
