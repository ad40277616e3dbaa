/**
 * The instant `days` calendar days after `date` (before, if negative) at the same wall-clock time
 * in this process's time zone: what luxon's `DateTime.fromJSDate(date).plus({ days })` gives,
 * at a fraction of its cost. Not a time at all stays not a time.
 */
export function plusLocalDays(date: Date, days: number): Date {
  const moved = new Date(date.getTime());
  moved.setDate(moved.getDate() + days);
  return moved;
}
