import { DateTime } from 'luxon';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { RotaMonth } from '../../../src/domain/rota';
import { actorFor, cardSubmit, installation, message } from '../../support/activities';
import { cardActions, lastCardReply } from '../../support/cards';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-work-time');
const OFFER = 'demo-offer-discharge-board-round';

/**
 * A visit in work time is the bot's main job: the times offered say whose time each is, and a day
 * typed when the visitor is rostered on becomes a request for release, sent to the manager.
 */
describe('asking for a visit in work time', () => {
  let service: TestService;
  const say = async (text: string) => (await postActivity(service.url, message(alex, text))).replies;
  const click = async (data: Record<string, unknown>) =>
    (await postActivity(service.url, cardSubmit(alex, data))).replies;

  beforeAll(async () => {
    service = await startTestService();
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
  });

  /** The first Tuesday or Thursday (the discharge team's mornings) from next week on when Alex works a day shift. */
  async function rosteredMorning(): Promise<DateTime> {
    const months = (await service.store.query('rota', {
      partitionKey: DEMO_IDS.alex,
    })) as unknown as RotaMonth[];
    const nextMonday = DateTime.now().setZone('Europe/London').startOf('week').plus({ weeks: 1 });
    const days = months
      .flatMap((m) => m.shifts)
      .filter((s) => s.kind === 'duty' || s.kind === 'long_day')
      .map((s) => DateTime.fromISO(s.start).setZone('Europe/London'))
      .filter((d) => d >= nextMonday && (d.weekday === 2 || d.weekday === 4))
      .sort((a, b) => a.toMillis() - b.toMillis());
    if (!days[0]) throw new Error('the demo gives Alex no day shift on a Tuesday or Thursday');
    return days[0];
  }

  it('labels the times offered in plain words, work time and own time', async () => {
    const replies = await say(
      'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team next week?',
    );
    const text = allText(replies);
    expect(text).toContain('Choose a host and a time');
    expect(text).toMatch(/\(work time\)/);
    expect(text).toMatch(
      /during your (long day|shift), \d\d:\d\d-\d\d:\d\d: your manager will be asked to release you/,
    );
    await say('cancel');
  });

  it('takes a day typed when the visitor is rostered on, and asks the manager to release them', async () => {
    const day = await rosteredMorning();
    let replies = await say(
      'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team in the next month?',
    );
    const otherTimes = cardActions(lastCardReply(replies)).find(
      (a) => a.data.verb === 'draft_choice' && a.data.field === 'host' && a.data.value === OFFER,
    );
    expect(otherTimes).toBeDefined();
    replies = await click(otherTimes?.data ?? {});
    expect(allText(replies)).toContain('When would you like to visit Adele Vance?');

    replies = await say(day.toFormat('ccc d LLL'));
    const summary = allText(replies);
    expect(summary).toContain('Check your request');
    expect(summary).toContain(`${day.toFormat('ccc d LLL')}, 09:00-13:00`);
    expect(summary).toMatch(
      /During your (long day|shift), \d\d:\d\d-\d\d:\d\d: your manager will be asked to release you\./,
    );
    expect(summary).toContain('your line manager is asked to release you');

    replies = await click({ verb: 'draft_submit' });
    expect(allText(replies)).toContain('I have asked Megan Bowen to release you');
    const stored = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(stored.filter((r) => r.state === 'awaiting_manager')).toEqual([
      expect.objectContaining({
        offerId: OFFER,
        start: day.set({ hour: 9 }).toUTC().toISO({ suppressMilliseconds: false }),
      }),
    ]);
  });

  it('tells the visitor a visit in their own time goes to the manager to agree, not to release them', async () => {
    let replies = await say(
      'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team in the next month?',
    );
    const otherTimes = cardActions(lastCardReply(replies)).find(
      (a) => a.data.verb === 'draft_choice' && a.data.field === 'host' && a.data.value === OFFER,
    );
    replies = await click(otherTimes?.data ?? {});
    const ownTime = cardActions(lastCardReply(replies)).find(
      (a) => a.data.field === 'slot' && a.title.endsWith('(own time)'),
    );
    if (!ownTime) throw new Error('the demo gives Alex no morning in his own time in the next month');
    replies = await click(ownTime.data);
    const summary = allText(replies);
    expect(summary).toMatch(
      /(On your day off|On your annual leave|Outside your [a-z -]+, [^:]+): in your own time\./,
    );
    expect(summary).toContain('your line manager is asked to agree the visit');

    replies = await click({ verb: 'draft_submit' });
    const sent = allText(replies);
    expect(sent).toContain('I have asked Megan Bowen to agree your visit, in your own time,');
    expect(sent).not.toContain('release you');
  });
});
