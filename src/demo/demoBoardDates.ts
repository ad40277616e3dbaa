import type { DateTime } from 'luxon';
import type { DatedSession } from '../domain/offers';
import type { DemoOfferRow } from './demoOffers';

export const BOARD_OFFER_ID = 'demo-offer-trust-board';
/** The Trust Board meets in public on the first Thursday of the month, 09:30-12:30. */
const BOARD_TIMES = { start: '09:30', end: '12:30' } as const;
const BOARD_MONTHS_AHEAD = 6;

/** The board's meetings from the week of `firstMonday` on, for six months, as dated sessions. */
export function boardMeetings(firstMonday: DateTime): DatedSession[] {
  const meetings: DatedSession[] = [];
  for (let i = 0; i <= BOARD_MONTHS_AHEAD; i += 1) {
    const month = firstMonday.startOf('month').plus({ months: i });
    const thursday = month.plus({ days: (4 - month.weekday + 7) % 7 });
    if (thursday >= firstMonday) meetings.push({ date: thursday.toISODate() as string, ...BOARD_TIMES });
  }
  return meetings;
}

/** The board offer with its meetings as dated sessions; any other offer as it is. */
export function withBoardDates(row: DemoOfferRow, firstMonday: DateTime): DemoOfferRow {
  return row.id === BOARD_OFFER_ID ? { ...row, sessions: boardMeetings(firstMonday) } : row;
}
