import type { Interval } from '../../time/intervals';
import {
  formatLondonDate,
  formatLondonMonth,
  londonMonthInterval,
  londonWeekInterval,
} from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { countStartingIn } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

const visits = (n: number): string => `${n} ${n === 1 ? 'visit' : 'visits'}`;

function explainFull(held: number, period: string, limit: number, per: string): string {
  return (
    `The host already has ${visits(held)} booked or waiting for a decision ${period}, and takes at ` +
    `most ${visits(limit)} a ${per}.`
  );
}

/**
 * host_capacity_full: the host's other held requests starting in the visit's London ISO week have
 * reached capacityPerWeek, or those in its London month have reached capacityPerMonth.
 */
export function checkHostCapacity(context: ClashContext, visit: Interval): Finding[] {
  const offer = context.offer;
  if (!offer) return [];
  const findings: Finding[] = [];
  const week = londonWeekInterval(visit.start);
  const inWeek = countStartingIn(context.held, week);
  if (inWeek >= offer.capacityPerWeek) {
    const period = `in the week starting ${formatLondonDate(week.start)}`;
    const explain = () => explainFull(inWeek, period, offer.capacityPerWeek, 'week');
    findings.push({ rule: 'host_capacity_full', who: 'host', window: week, explain });
  }
  const month = londonMonthInterval(visit.start);
  const inMonth = countStartingIn(context.held, month);
  if (inMonth >= offer.capacityPerMonth) {
    const period = `in ${formatLondonMonth(month.start)}`;
    const explain = () => explainFull(inMonth, period, offer.capacityPerMonth, 'month');
    findings.push({ rule: 'host_capacity_full', who: 'host', window: month, explain });
  }
  return findings;
}
