import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { recordCheckIn } from '../../src/app/outcomes/recordCheckIn';
import { logExchange } from '../../src/app/outcomes/logExchange';
import { createServices } from '../../src/app/services';
import { runExportExchanges } from '../../src/cli/commands/exportExchanges';
import { DEMO_IDS } from '../../src/demo/demoIds';
import type { ShadowingRequest } from '../../src/domain/requests';
import { DateTime } from 'luxon';
import { PURPOSE } from './support/askForVisit';
import { E2E_TIMEOUT_MS, step, waitForBotMessage } from './support/chatPage';
import { clickButton, openChat, pinMessage, waitForCardText } from './support/chatSteps';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import {
  approvalCard,
  askForWorkTimeVisit,
  coverCard,
  handCoverToCoordinator,
  literally,
} from './support/releaseToCoordinator';
import { startDemoStack, type DemoStack } from './support/startDemoStack';
import { saveTranscripts } from './support/transcripts';

const PEOPLE = ['alex', 'megan', 'miriam', 'adele'] as const;
type Key = (typeof PEOPLE)[number];

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * Issue 11 in the Playground: a visit in work time across four people. Alex (FY1, on his rostered
 * shift that morning) asks; Megan sees the shift, the hours and the cost, hands cover to the rota
 * coordinator and approves; Miriam (the coordinator) arranges cover; Adele accepts. Alex's
 * confirmation and the exchange log say it was work time with cover arranged.
 */
describe('a visit in work time, released with cover arranged, across four Playgrounds', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;
  const actions: Record<Key, number> = { alex: 0, megan: 0, miriam: 0, adele: 0 };

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack([...PEOPLE]);
    for (const key of PEOPLE) pages[key] = await browser.newPage();
  });

  afterAll(async () => {
    await saveTranscripts('coverArranged', pages);
    await browser?.close();
    await stack?.stop();
  });

  it('takes Alex from a morning on his shift to a confirmed visit with cover arranged', async () => {
    const { alex, megan, miriam, adele } = pages;
    for (const key of PEOPLE)
      await step(pages[key], `welcome card for ${key}`, () => openChat(pages[key], stack!.playgrounds[key]!));

    const asked = await askForWorkTimeVisit(alex);
    actions.alex += asked.actions;

    const approval = await approvalCard(megan);
    await step(megan, 'approval card shows the shift, the hours and the cost', async () => {
      await waitForCardText(approval, literally(asked.time));
      await waitForCardText(approval, /Work time: rostered to work then, so you are asked to release them\./);
      await waitForCardText(
        approval,
        /(Long day|Shift|Day shift), \w{3} \d{1,2} \w{3}, \d\d:\d\d-\d\d:\d\d/i,
      );
      await waitForCardText(approval, /Hours released\s*4 hours/);
      await waitForCardText(approval, /Cover needed\s*4 hours/);
      await waitForCardText(
        approval,
        /About £\d+ if bank staff cover, about £\d+ through an agency or locum\. An estimate at FY1 rates\./,
      );
    });
    actions.megan += await handCoverToCoordinator(megan, approval);

    const cover = await coverCard(miriam);
    await step(miriam, 'cover card says who, which shift and the hours, not why or where', async () => {
      await waitForCardText(cover, /Hours to cover\s*4 hours/);
      await waitForCardText(cover, literally(asked.time.slice(0, asked.time.indexOf(','))));
      const text = await cover.innerText();
      for (const secret of [PURPOSE, 'discharge', 'Adele', 'Patient Flow'])
        expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    });
    await step(miriam, 'Miriam marks cover arranged', async () => {
      actions.miriam += 1;
      await clickButton(cover, 'Cover arranged');
      await waitForCardText(cover, /cover is marked as arranged/i);
      await waitForCardText(cover, /Arranged by you\./);
    });
    await step(megan, 'Megan is told cover is arranged, by the rota coordinator', async () => {
      const told = await waitForBotMessage(megan, /Cover for Alex Wilber's shift has been arranged\./);
      await waitForCardText(told, /Arranged by the rota coordinator\./);
    });

    const hostCard = await step(adele, 'host card reaches Adele', async () =>
      pinMessage(adele, await waitForBotMessage(adele, /Alex Wilber would like to shadow you/)),
    );
    await step(adele, 'Adele accepts', async () => {
      actions.adele += 1;
      await clickButton(hostCard, 'Accept');
      await waitForCardText(hostCard, /Confirmed: Alex Wilber will shadow you/);
    });

    const confirmation = await step(alex, 'confirmation reaches Alex', () =>
      waitForBotMessage(alex, /Your shadowing visit is confirmed/),
    );
    await step(alex, 'confirmation says work time and cover arranged', async () => {
      await waitForCardText(confirmation, literally(asked.time));
      await waitForCardText(confirmation, /Work time: your manager releases you from your rota\./);
      await waitForCardText(confirmation, /Cover for your shift\s*Arranged/);
    });

    const [request] = (await stack!.service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
    })) as unknown as ShadowingRequest[];
    expect(request).toMatchObject({
      state: 'confirmed',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'arranged',
      coverMethod: 'rota_coordinator',
      coverArrangerId: DEMO_IDS.miriam,
    });
    expect(request?.coverCostEstimateGbp).toBeGreaterThan(0);

    const row = await exportedRowAfterVisit(stack!, request!);
    expect(row).toMatchObject({
      outcome: 'completed',
      time_basis: 'work_time',
      release_hours: '4',
      cover_hours: '4',
      cover_method: 'rota_coordinator',
      cover_status: 'arranged',
      cover_cost_estimate_gbp: String(request?.coverCostEstimateGbp),
    });

    process.stdout.write(`Actions to a confirmed visit: ${JSON.stringify(actions)}\n`);
    expect(actions).toEqual({ alex: 3, megan: 2, miriam: 1, adele: 1 });
  });
});

/**
 * The visit's row in `export exchanges`, once it has happened: Adele says so the day after, and
 * the log is written as the scheduler writes it when the forms are not in.
 */
async function exportedRowAfterVisit(
  stack: DemoStack,
  request: ShadowingRequest,
): Promise<Record<string, string>> {
  const after = new Date(Date.parse(request.end as string) + 86_400_000);
  const services = createServices(stack.service.store, () => after);
  const adele = await services.people.findById(DEMO_IDS.adele);
  const answered = await recordCheckIn(services, adele!, request.visitorId, request.id, 'yes', after);
  if (!answered.ok) throw new Error(`the check-in was refused: ${JSON.stringify(answered)}`);
  await logExchange(services, answered.request, after);
  const day = DateTime.fromISO(request.start as string, { zone: 'Europe/London' }).toISODate() as string;
  let csv = '';
  await runExportExchanges(
    { store: stack.service.store, out: { write: (text: string) => void (csv += text) } },
    { from: day, to: day },
  );
  const [header, ...rows] = parse(csv) as string[][];
  const mine = rows.filter((cells) => cells[0] === request.id);
  expect(mine).toHaveLength(1);
  return Object.fromEntries(header!.map((name, i) => [name, mine[0]![i] ?? '']));
}
