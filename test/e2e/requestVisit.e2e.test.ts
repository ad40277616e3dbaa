import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/demo/demoIds';
import { askForVisit, DISCHARGE_OFFER_TITLE } from './support/askForVisit';
import { E2E_TIMEOUT_MS, step } from './support/chatPage';
import { openChat, say } from './support/chatSteps';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import { startDemoStack, type DemoStack } from './support/startDemoStack';

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * In the Playground, Alex asks for a visit in one sentence that says why, clicks a time under the
 * discharge team and sends it: three actions, and the request waits for Megan.
 */
describe('asking for a shadowing visit in the Playground as Alex', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack(['alex']);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('goes from one sentence with a purpose to a request with Megan in three actions, and lists it', async () => {
    await step(page, 'welcome card', () => openChat(page, stack!.playgrounds.alex!));

    const { time, actions } = await askForVisit(page, { withPurpose: true });
    expect(actions).toBe(3);

    const listed = await step(page, 'my requests', () => say(page, 'my requests', /Your requests/));
    await step(page, 'my requests shows the request waiting', async () => {
      const text = await listed.innerText();
      for (const expected of [DISCHARGE_OFFER_TITLE, 'Waiting for your manager', time]) {
        if (!text.includes(expected)) throw new Error(`"my requests" does not show "${expected}":\n${text}`);
      }
    });

    const stored = await stack!.service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      state: 'awaiting_manager',
      managerId: DEMO_IDS.megan,
      hostId: DEMO_IDS.adele,
      offerId: 'demo-offer-discharge-board-round',
      purpose: 'To learn how complex discharges are planned',
      objectives: ['Learn how complex discharges are planned'],
    });
    const tasks = await stack!.service.store.query('tasks', { partitionKey: DEMO_IDS.megan });
    expect(tasks).toEqual([expect.objectContaining({ role: 'manager', requestId: stored[0]?.id })]);
  });
});
