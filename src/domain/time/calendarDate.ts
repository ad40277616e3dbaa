/** A calendar date with no time zone: the day a person means, as in a rota file. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time of day on a 24-hour clock. */
export interface WallTime {
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;

/** Reads YYYY-MM-DD; undefined when the text is not in that form or the day does not exist. */
export function readIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads YYYYMMDD (iCalendar form). */
export function readCompactDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  return checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads H:MM or HH:MM on a 24-hour clock; 24:00 and above are rejected. */
export function readWallTime(text: string): WallTime | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD */
export function formatCalendarDate(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** HH:MM */
export function formatWallTime(time: WallTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

function checkCalendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}
