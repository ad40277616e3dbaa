import type { RotaMonth, Shift } from '../domain/rota';
import type { Doc, DocumentStore } from '../store/documentStore';
import type { HostOffer } from '../domain/offers';
import { catalogueEntryOf } from '../store/repositories/offerCatalogue';
import { RotaRepository, rotaDocumentId } from '../store/repositories/rotaRepository';
import { BOARD_OFFER_ID } from './demoBoardDates';
import { buildDemoOrganisation } from './demoOrganisation';
import { findFirstMonday } from './demoRota';
import { holdsDemoStaff, readDemoWeek, writeDemoWeek } from './demoWeek';

export type DemoWeekOutcome = 'current' | 'refreshed' | 'no_demo';

/**
 * The demo's rota runs for eight weeks from the Monday of the week it was laid out, and its
 * walk-through ("next week", "in two weeks") counts on that Monday being this week's. When the
 * demo in `store` was laid out for another week (or before the week was recorded), lays the rota
 * and the Trust Board's meeting dates out again from the week of `today`, keeping each month's
 * shifts from before this week so rest after last week's nights is still seen, and every entry a
 * rota file or Microsoft Shifts gave a demo person. Requests, offers people made and everything
 * else are left as they are.
 */
export async function refreshDemoWeek(store: DocumentStore, today: Date): Promise<DemoWeekOutcome> {
  const firstMonday = findFirstMonday(today);
  const thisMonday = firstMonday.toISODate() as string;
  const recorded = await readDemoWeek(store);
  if (recorded === thisMonday) return 'current';
  if (recorded === undefined && !(await holdsDemoStaff(store))) return 'no_demo';
  const organisation = buildDemoOrganisation(today);
  await writeRota(store, organisation.rota, firstMonday.toUTC().toISO() as string);
  const board = organisation.offers.find((offer) => offer.id === BOARD_OFFER_ID);
  if (board) await writeBoardDates(store, board);
  await writeDemoWeek(store, thisMonday);
  return 'refreshed';
}

/**
 * Each month's demo shifts from `from` on replaced by the new rota's; those before it, and entries
 * from a rota file or Microsoft Shifts, kept. Months are written as the rota repository writes
 * them, so a month holding Shifts entries still lists its teams.
 */
async function writeRota(store: DocumentStore, rota: readonly RotaMonth[], from: string): Promise<void> {
  const byPerson = new Map<string, RotaMonth[]>();
  for (const month of rota) byPerson.set(month.personId, [...(byPerson.get(month.personId) ?? []), month]);
  const laidOut: RotaMonth[] = [];
  for (const [personId, months] of byPerson) {
    const ids = months.map((month) => rotaDocumentId(personId, month.month));
    const stored = await store.readMany<RotaMonth & Doc>('rota', personId, ids);
    const kept = new Map(stored.map(({ doc }) => [doc.id, (doc.shifts ?? []).filter(keptFrom(from))]));
    for (const [index, month] of months.entries()) {
      const shifts = [...(kept.get(ids[index] as string) ?? []), ...month.shifts];
      laidOut.push({ ...month, shifts: shifts.sort((a, b) => a.start.localeCompare(b.start)) });
    }
  }
  const repository = new RotaRepository(store);
  for (let i = 0; i < laidOut.length; i += WRITES_AT_ONCE)
    await Promise.all(laidOut.slice(i, i + WRITES_AT_ONCE).map((month) => repository.writeMonth(month)));
}

/** Writes in flight at once while the rota is laid out again. */
const WRITES_AT_ONCE = 10;

/** A stored entry that stays: from before the new rota starts, or not the demo's own. */
function keptFrom(from: string): (shift: Shift) => boolean {
  return (shift) => shift.start < from || (shift.source !== undefined && shift.source !== 'demo');
}

/** The board offer's meetings from this week on; the rest of the offer as it is stored. */
async function writeBoardDates(store: DocumentStore, board: HostOffer): Promise<void> {
  const stored = await store.read<HostOffer & Doc>('offers', board.id, board.hostId);
  if (!stored) return;
  const offer = { ...stored.doc, sessions: board.sessions };
  await store.upsert('offers', offer);
  await store.upsert('offers', catalogueEntryOf(offer));
}
