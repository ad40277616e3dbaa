import { writeRotaChanges } from '../../../src/app/writeRotaChanges';
import type { IncomingShift } from '../../../src/domain/import/mergeShifts';
import { fileReplaceScopes } from '../../../src/domain/import/replaceScopes';
import type { RotaMonth, Shift } from '../../../src/domain/rota';
import type { DocumentStore } from '../../../src/store/documentStore';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const shift = (day: string, code: string, source: Shift['source'] = 'file'): Shift => ({
  start: `2026-03-${day}T08:00:00.000Z`,
  end: `2026-03-${day}T16:00:00.000Z`,
  kind: 'duty',
  code,
  source,
});

/**
 * A rota source and another writer (the daily Shifts sync beside a file import, say) change the
 * same month at once: the import's write is conditional on the version it read, so it reads the
 * month again and merges into what the other wrote, and neither change is lost.
 */
describe.each(STORE_SUBJECTS)('rota months written by two at once: $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await subject.open());
  });
  afterAll(async () => cleanup());

  /** A rota whose first read of a month lets `other` write it before the caller can. */
  function racedBy(other: (found: { rota: RotaMonth; etag: string } | undefined) => Promise<void>) {
    let raced = false;
    return new (class extends RotaRepository {
      override async readMonth(personId: string, month: string) {
        const found = await super.readMonth(personId, month);
        if (!raced) {
          raced = true;
          await other(found);
        }
        return found;
      }
    })(store);
  }

  it("keeps the other writer's shift when a month is first created by both", async () => {
    const plain = new RotaRepository(store);
    const rota = racedBy(() =>
      plain.saveMonth(
        { personId: 'ann', month: '2026-03', shifts: [shift('02', 'Early', 'shifts')] },
        undefined,
      ),
    );
    const incoming: IncomingShift[] = [{ personId: 'ann', shift: shift('10', 'E') }];

    const result = await writeRotaChanges(rota, incoming);

    expect(result).toMatchObject({ added: 1, monthsWritten: 1 });
    expect((await plain.readMonth('ann', '2026-03'))?.rota.shifts.map((s) => s.code)).toEqual(['Early', 'E']);
  });

  it('replaces over what the other wrote meanwhile, not over the copy it read first', async () => {
    const plain = new RotaRepository(store);
    await plain.writeMonth({
      personId: 'ben',
      month: '2026-03',
      shifts: [shift('10', 'E'), shift('11', 'E')],
    });
    const rota = racedBy(async (found) => {
      await plain.saveMonth(
        { ...found!.rota, shifts: [...found!.rota.shifts, shift('12', 'Late', 'shifts')] },
        found!.etag,
      );
    });
    // The new roster lists Ben on the 10th only and the 13th: the 11th has gone.
    const incoming: IncomingShift[] = [
      { personId: 'ben', shift: shift('10', 'E') },
      { personId: 'ben', shift: shift('13', 'E') },
    ];

    const result = await writeRotaChanges(rota, incoming, {
      scopes: fileReplaceScopes(incoming),
    });

    expect(result).toMatchObject({ added: 1, removed: 1, duplicates: 1 });
    expect(
      (await plain.readMonth('ben', '2026-03'))?.rota.shifts.map((s) => `${s.start.slice(8, 10)} ${s.code}`),
    ).toEqual(['10 E', '12 Late', '13 E']);
  });
});
