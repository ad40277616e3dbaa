import { parseIsoInstant } from '../../domain/time/instants';
import { DAY_MS, type Interval } from '../../domain/time/intervals';
import { checkLondonInstant, type LondonInstantReading } from '../../domain/time/londonTime';
import { UsageError } from '../reportFailure';

/** A visit longer than this is almost certainly a typing mistake in a date. */
const MAX_VISIT_DAYS = 31;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

/**
 * Reads --start and --end: ISO-8601 with an offset (2026-03-03T09:00:00Z, ...+01:00), or a wall
 * time without one, read as Europe/London (2026-03-03T09:00). Throws a UsageError saying what is
 * wrong with either.
 */
export function readVisitTimes(startText: string, endText: string): Interval {
  const start = readInstant('--start', startText);
  const end = readInstant('--end', endText);
  if (end <= start) throw new UsageError(`--end (${endText}) must be after --start (${startText}).`);
  if (end - start > MAX_VISIT_DAYS * DAY_MS) {
    throw new UsageError(
      `The visit from ${startText} to ${endText} is longer than ${MAX_VISIT_DAYS} days; check the dates.`,
    );
  }
  return { start, end };
}

function readInstant(option: string, text: string): number {
  const value = text.trim();
  const withOffset = parseIsoInstant(value);
  if (Number.isFinite(withOffset)) return withOffset;
  const local = LOCAL_TIME.exec(value);
  if (local) return readLondonWallTime(option, text, local[1] ?? '', `${local[2]}:${local[3]}`);
  throw new UsageError(
    `${option} "${text}" is not a date and time: use ISO-8601, e.g. 2026-03-03T09:00:00Z, ` +
      '2026-06-02T09:00:00+01:00, or 2026-03-03T09:00 for UK time.',
  );
}

function readLondonWallTime(option: string, text: string, date: string, time: string): number {
  let reading: LondonInstantReading;
  try {
    reading = checkLondonInstant(date, time);
  } catch {
    throw new UsageError(`${option} "${text}" is not a real date.`);
  }
  if (!reading.ok) throw new UsageError(`${option} "${text}": ${reading.problem}`);
  return reading.instant;
}
