import { DateTime } from 'luxon';
import { buildDemoOrganisation } from '../../../src/demo/demoOrganisation';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { chooseWorkingTimeRules, suggestSlots } from '../../../src/domain/clash';
import { parseWhen } from '../../../src/domain/requestDialog/parseWhen';

/**
 * The demo is tried (and tested) on whatever day it is: Alex must always be able to visit the
 * discharge team "next week" and "in two weeks". Every third day of a year is checked.
 */
describe('the demo organisation on any date', () => {
  const start = DateTime.fromISO('2026-11-22T10:00:00', { zone: 'Europe/London' });
  const days = Array.from({ length: 122 }, (_, i) => start.plus({ days: i * 3 }).toJSDate());

  it.each(['next week', 'in two weeks'])('gives Alex a clash-free discharge-team morning %s', (phrase) => {
    const without: string[] = [];
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
        visitorRules: chooseWorkingTimeRules({ profession: 'medical', jobTitle: 'FY1 Doctor' }),
        hostShifts: shiftsOf(DEMO_IDS.adele),
        offer,
        heldBookings: [],
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        length: 'am',
      });
      if (slots.length === 0) without.push(now.toISOString().slice(0, 10));
    }
    expect(without).toEqual([]);
  });
});
