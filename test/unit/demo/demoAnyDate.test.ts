import { DateTime } from 'luxon';
import { buildDemoOrganisation } from '../../../src/demo/demoOrganisation';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { chooseWorkingTimeRules, suggestSlots } from '../../../src/domain/clash';
import type { Person } from '../../../src/domain/people';
import { parseWhen } from '../../../src/domain/requestDialog/parseWhen';

/**
 * The demo is tried (and tested) on whatever day it is: Alex must always be able to visit the
 * discharge team "next week" (one of the times in work time: released from his rota) and "in two
 * weeks". Every date of a year is checked for next week; every third for in two weeks.
 */
const alexOf = (people: readonly Person[]): Person => {
  const alex = people.find((p) => p.id === DEMO_IDS.alex);
  if (!alex) throw new Error('the demo has no Alex');
  return alex;
};

describe('the demo organisation on any date', () => {
  const start = DateTime.fromISO('2026-11-22T10:00:00', { zone: 'Europe/London' });
  const everyDay = Array.from({ length: 365 }, (_, i) => start.plus({ days: i }).toJSDate());
  const everyThirdDay = everyDay.filter((_, i) => i % 3 === 0);

  it.each([
    ['next week', everyDay],
    ['in two weeks', everyThirdDay],
  ])('gives Alex a clash-free discharge-team morning %s', (phrase, days) => {
    const without: string[] = [];
    const withoutWorkTime: string[] = [];
    for (const now of days) {
      const organisation = buildDemoOrganisation(now);
      const shiftsOf = (id: string) =>
        organisation.rota.filter((m) => m.personId === id).flatMap((m) => m.shifts);
      const offer = organisation.offers.find((o) => o.id === 'demo-offer-discharge-board-round');
      const when = parseWhen(phrase, now);
      if (!offer || !when.ok) throw new Error('the demo offer or the phrase is missing');
      const from = Math.max(
        DateTime.fromISO(when.window.from, { zone: 'Europe/London' }).toMillis(),
        now.getTime(),
      );
      const to = DateTime.fromISO(when.window.to, { zone: 'Europe/London' }).plus({ days: 1 }).toMillis();
      const slots = suggestSlots({
        visitorShifts: shiftsOf(DEMO_IDS.alex),
        visitorRules: chooseWorkingTimeRules(alexOf(organisation.people)),
        hostShifts: shiftsOf(DEMO_IDS.adele),
        offer,
        heldBookings: [],
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        length: 'am',
      });
      if (slots.length === 0) without.push(now.toISOString().slice(0, 10));
      if (phrase === 'next week' && !slots.some((s) => s.timeBasis === 'work_time'))
        withoutWorkTime.push(now.toISOString().slice(0, 10));
    }
    expect(without).toEqual([]);
    // "A morning with the discharge team next week" always includes one in work time, released.
    expect(withoutWorkTime).toEqual([]);
  });
});
