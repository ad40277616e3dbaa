import type { Shift } from '../../../src/domain/rota';
import { MAX_READ_MANY, type DocumentStore } from '../../../src/store/documentStore';
import { HoldsRepository, monthOf } from '../../../src/store/repositories/holdsRepository';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { DateTime } from 'luxon';
import { embeddedSubject } from '../../support/workflowStores';

/**
 * Rotas are filed by London month and holds are chosen by the London month they start in: the
 * months are worked out on the London calendar, so a time late on the last evening of a summer
 * month already belongs to the next one.
 */
describe('reads of documents filed by London month', () => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    store = opened.store;
    cleanup = opened.cleanup;
  });
  afterAll(async () => cleanup());

  const shift = (start: string, end: string): Shift => ({ start, end, kind: 'night', code: 'N' });

  describe('RotaRepository.shiftsBetween', () => {
    const rota = () => new RotaRepository(store);

    beforeAll(async () => {
      // A night shift filed in May that runs into June, and a June night that starts at 00:30 London time on 1 June.
      await rota().writeMonth({
        personId: 'nurse-1',
        month: '2026-05',
        shifts: [shift('2026-05-31T19:00:00Z', '2026-06-01T07:30:00Z')],
      });
      await rota().writeMonth({
        personId: 'nurse-1',
        month: '2026-06',
        shifts: [
          shift('2026-05-31T23:30:00Z', '2026-06-01T03:00:00Z'),
          shift('2026-06-10T08:00:00Z', '2026-06-10T16:00:00Z'),
        ],
      });
      await rota().writeMonth({
        personId: 'nurse-1',
        month: '2026-07',
        shifts: [shift('2026-07-02T08:00:00Z', '2026-07-02T16:00:00Z')],
      });
    });

    it('finds shifts filed in the month before the window that run into it, in time order', async () => {
      const found = await rota().shiftsBetween(
        'nurse-1',
        new Date('2026-06-01T00:00:00Z'),
        new Date('2026-06-15T00:00:00Z'),
      );
      expect(found.map((s) => s.start)).toEqual([
        '2026-05-31T19:00:00Z',
        '2026-05-31T23:30:00Z',
        '2026-06-10T08:00:00Z',
      ]);
    });

    it('reads the month the window ends in on the London calendar', async () => {
      // 23:30 UTC on 30 June is 00:30 on 1 July in London, so July's rota is read too.
      const found = await rota().shiftsBetween(
        'nurse-1',
        new Date('2026-06-20T00:00:00Z'),
        new Date('2026-06-30T23:30:00Z'),
      );
      expect(found).toEqual([]);
      const july = await rota().shiftsBetween(
        'nurse-1',
        new Date('2026-06-20T00:00:00Z'),
        new Date('2026-07-03T00:00:00Z'),
      );
      expect(july.map((s) => s.start)).toEqual(['2026-07-02T08:00:00Z']);
    });

    it('reads a range of more months than one store call may name, in calls of at most that many', async () => {
      const readMany = jest.spyOn(store, 'readMany');
      try {
        // From the month before May 2026 to July 2036: 124 months.
        const found = await rota().shiftsBetween(
          'nurse-1',
          new Date('2026-05-15T00:00:00Z'),
          new Date('2036-07-15T00:00:00Z'),
        );
        expect(found).toHaveLength(4);
        const asked = readMany.mock.calls.map(([, , ids]) => ids.length);
        expect(asked).toEqual([MAX_READ_MANY, 24]);
      } finally {
        readMany.mockRestore();
      }
    });

    it('finds nothing for a window that is no time at all, without failing', async () => {
      await expect(
        rota().shiftsBetween('nurse-1', new Date('not a date'), new Date('2026-06-15T00:00:00Z')),
      ).resolves.toEqual([]);
    });
  });

  describe('HoldsRepository.holdsAround', () => {
    const holds = [
      { requestId: 'r-april', start: '2026-04-30T08:00:00Z', end: '2026-04-30T12:00:00Z' },
      { requestId: 'r-may', start: '2026-05-05T08:00:00.000Z', end: '2026-05-05T12:00:00.000Z' },
      // 23:30 UTC on 31 May is 1 June in London.
      { requestId: 'r-june-by-london', start: '2026-05-31T23:30:00Z', end: '2026-06-01T01:00:00Z' },
      { requestId: 'r-offset', start: '2026-07-01T00:30:00+01:00', end: '2026-07-01T04:00:00+01:00' },
      // Without an offset: read as London time, as before.
      { requestId: 'r-no-offset', start: '2026-08-01T00:30', end: '2026-08-01T04:00' },
      { requestId: 'r-unreadable', start: 'soon', end: 'later' },
    ];

    beforeAll(async () => {
      await store.upsert('tasks', {
        id: 'ledger:offer-1',
        assigneeId: 'host-1',
        role: 'ledger',
        offerId: 'offer-1',
        holds,
      });
    });

    const around = (from: string, to?: string) =>
      new HoldsRepository(store)
        .holdsAround('host-1', 'offer-1', from, to)
        .then((found) => found.map((h) => h.requestId));

    it('keeps the holds from the month before to the month after, by London month', async () => {
      await expect(around('2026-06-10T08:00:00Z')).resolves.toEqual([
        'r-may',
        'r-june-by-london',
        'r-offset',
      ]);
      await expect(around('2026-05-10T08:00:00Z', '2026-05-20T08:00:00Z')).resolves.toEqual([
        'r-april',
        'r-may',
        'r-june-by-london',
      ]);
    });

    it('reads starts written with an offset or without one as luxon reads them, and never an unreadable one', async () => {
      await expect(around('2026-08-10T08:00:00Z')).resolves.toEqual(['r-offset', 'r-no-offset']);
      for (const hold of holds)
        expect(monthOf(hold.start)).toBe(
          DateTime.fromISO(hold.start, { zone: 'Europe/London' }).toFormat('yyyy-LL'),
        );
    });
  });
});
