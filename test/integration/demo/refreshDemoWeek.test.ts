import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { refreshDemoWeek } from '../../../src/demo/refreshDemoWeek';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import type { RotaMonth, Shift } from '../../../src/domain/rota';
import { rotaDocumentId } from '../../../src/store/repositories/rotaRepository';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';

type RotaDoc = RotaMonth & { id: string; shiftsTeams?: string[]; [field: string]: unknown };

const LOADED = DateTime.fromISO('2027-03-03T10:00', { zone: 'Europe/London' });
const OPENED = LOADED.plus({ weeks: 1 });

/** A shift on a day of the week the demo is opened in, from a source other than the demo. */
function entry(day: number, extra: Partial<Shift>): Shift {
  const date = OPENED.startOf('week').plus({ days: day });
  return {
    start: date.set({ hour: 7 }).toUTC().toISO() as string,
    end: date.set({ hour: 8 }).toUTC().toISO() as string,
    kind: 'training',
    code: 'TR',
    ...extra,
  };
}

describe('laying the demo out again for the week it is used in', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'demo-week-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    await seedDemoOrganisation(store, { today: LOADED.toJSDate() });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps a demo person's entries from a rota file and from Microsoft Shifts, and the month's Shifts teams", async () => {
    const month = OPENED.toFormat('yyyy-MM');
    const id = rotaDocumentId(DEMO_IDS.alex, month);
    const stored = await store.read<RotaDoc>('rota', id, DEMO_IDS.alex);
    const fromFile = entry(1, { source: 'file' });
    const fromShifts = entry(2, { source: 'shifts', shiftsTeam: 'team-ward-7' });
    const shifts = [...(stored?.doc.shifts ?? []), fromFile, fromShifts];
    await store.upsert<RotaDoc>('rota', {
      id,
      personId: DEMO_IDS.alex,
      month,
      shifts,
      shiftsTeams: ['team-ward-7'],
    });

    expect(await refreshDemoWeek(store, OPENED.toJSDate())).toBe('refreshed');

    const after = await store.read<RotaDoc>('rota', id, DEMO_IDS.alex);
    expect(after?.doc.shifts).toEqual(expect.arrayContaining([fromFile, fromShifts]));
    expect(after?.doc.shiftsTeams).toEqual(['team-ward-7']);
    // The demo's own shifts of this week are laid out once, not kept beside the new ones.
    const starts = (after?.doc.shifts ?? []).map((shift) => shift.start);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("replaces the demo's own shifts from this week on and keeps those before it", async () => {
    const month = OPENED.toFormat('yyyy-MM');
    const id = rotaDocumentId(DEMO_IDS.alex, month);
    const from = OPENED.startOf('week').toUTC().toISO() as string;
    const before = (await store.read<RotaDoc>('rota', id, DEMO_IDS.alex))?.doc.shifts ?? [];

    await refreshDemoWeek(store, OPENED.toJSDate());

    const after = (await store.read<RotaDoc>('rota', id, DEMO_IDS.alex))?.doc.shifts ?? [];
    expect(after.filter((shift) => shift.start < from)).toEqual(before.filter((shift) => shift.start < from));
    expect(after.every((shift) => shift.source === 'demo')).toBe(true);
    expect(after.some((shift) => shift.start >= from)).toBe(true);
  });
});
