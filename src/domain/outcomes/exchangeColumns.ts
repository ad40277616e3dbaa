import { readRelease, type ExchangeRecord } from './exchangeRecord';

type Cell = string | number | boolean | undefined;

/**
 * The exported columns, in order: one row per exchange. docs/exchange-log.md describes each; a
 * test keeps the two in step. Person ids are never exported.
 */
export const EXCHANGE_COLUMNS: ReadonlyArray<readonly [string, (r: ExchangeRecord) => Cell]> = [
  ['exchange_id', (r) => r.id],
  ['visit_date', (r) => r.visitDate],
  ['outcome', (r) => r.outcome],
  ['visitor_profession', (r) => r.visitor.profession],
  ['visitor_department', (r) => r.visitor.department],
  ['host_profession', (r) => r.host.profession],
  ['host_department', (r) => r.host.department],
  ['cross_profession', (r) => r.crossProfession],
  ['setting', (r) => r.setting],
  [
    'objectives',
    (r) => r.objectives.map((o) => `${o.text ?? '(removed)'} [${o.rating ?? 'not rated'}]`).join(' | '),
  ],
  ['objectives_met', (r) => r.objectives.filter((o) => o.rating === 'met').length],
  ['objectives_partly', (r) => r.objectives.filter((o) => o.rating === 'partly').length],
  ['objectives_not_met', (r) => r.objectives.filter((o) => o.rating === 'not_met').length],
  ['knowledge_types', (r) => r.knowledge.join(';')],
  ['hours', (r) => r.hours],
  ['days_to_confirm', (r) => r.daysToConfirm],
  ['reminders_needed', (r) => r.remindersNeeded],
  ['time_basis', (r) => readRelease(r).timeBasis],
  ['release_hours', (r) => readRelease(r).releaseHours],
  ['cover_hours', (r) => readRelease(r).coverHours],
  ['cover_method', (r) => readRelease(r).coverMethod],
  ['cover_status', (r) => readRelease(r).coverStatus],
  ['cover_cost_estimate_gbp', (r) => readRelease(r).coverCostEstimateGbp],
  ['cover_notes_given', (r) => r.cover.notesGiven],
  ['would_recommend', (r) => r.wouldRecommend],
  ['follow_on', (r) => r.followOn],
  ['would_host_again', (r) => r.wouldHostAgain],
  ['do_differently', (r) => r.doDifferently],
  ['host_team_gained', (r) => r.hostTeamGained],
  ['follow_up_changed', (r) => r.followUp?.changed],
  ['follow_up_detail', (r) => r.followUp?.detail],
  ['visitor_feedback', (r) => r.visitorFeedback],
  ['host_feedback', (r) => r.hostFeedback],
  ['anonymised', (r) => r.anonymised === true],
];

/** One exchange as named values, in column order: the JSON-lines form of a row. */
export function exchangeRow(record: ExchangeRecord): Record<string, Cell> {
  return Object.fromEntries(EXCHANGE_COLUMNS.map(([name, read]) => [name, read(record)]));
}

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) is prefixed with a single quote so it shows as text.
 */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
