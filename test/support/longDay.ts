import type { Services } from '../../src/app/services';
import { toLondonInstant } from '../../src/domain/time/londonTime';

/**
 * Rosters `personId` on a long day, 08:00-20:30 London time, on the day of `slot`, in place of
 * whatever overlapped it: a morning visit that day then needs release and cover.
 */
export async function rosterLongDay(
  services: Pick<Services, 'rota'>,
  personId: string,
  slot: { start: string },
): Promise<void> {
  const day = new Date(slot.start).toISOString().slice(0, 10);
  const month = day.slice(0, 7);
  const rota = (await services.rota.readMonth(personId, month))?.rota ?? { personId, month, shifts: [] };
  const longDay = {
    start: new Date(toLondonInstant(day, '08:00')).toISOString(),
    end: new Date(toLondonInstant(day, '20:30')).toISOString(),
    kind: 'long_day' as const,
    code: 'LD',
  };
  await services.rota.writeMonth({
    ...rota,
    shifts: [...rota.shifts.filter((s) => s.end <= longDay.start || s.start >= longDay.end), longDay],
  });
}
