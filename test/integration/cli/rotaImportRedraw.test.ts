import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../src/app/services';
import { runRotaImport } from '../../../src/cli/commands/rotaImport';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { toLondonDate } from '../../../src/domain/time/londonTime';
import { actorFor } from '../../support/activities';
import { startFakeConnector, type CapturedPost } from '../../support/fakeConnector';
import { installAll } from '../../support/http';
import { fileWithPlaceHeld, freeMornings, requestInState } from '../../support/requestInState';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-import-redraw');
const megan = actorFor(DEMO_IDS.megan, 'megan-import-redraw');
const adele = actorFor(DEMO_IDS.adele, 'adele-import-redraw');

/**
 * `rota import` run beside the service (the CLI cannot reach Teams): Adele's card asking her about
 * Alex's visit offers other times free for both of them. She then books annual leave on the first
 * of those days through an import; once the service next runs, her card no longer offers it.
 */
describe('cards drawn again after a rota import from the command line', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let dir: string;

  const inAdelesChat = (p: CapturedPost) =>
    p.path.includes(`/conversations/${encodeURIComponent(adele.conversationId)}/activities`);
  /** The times Adele's host card offers to propose instead, as "start|end". */
  const offered = (body: unknown) =>
    [...JSON.stringify(body).matchAll(/"value":"([^"|]+\|[^"]+)"/g)].map((m) => m[1]!);

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-redraw-'));
    await installAll(service.url, connector.url, [alex, megan, adele]);
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("takes a time that is no longer free off the host's card", async () => {
    const [slot] = (await freeMornings(services, 1, new Date())) as [{ start: string; end: string }];
    await fileWithPlaceHeld(services, requestInState('awaiting_host', slot, slot, new Date()));
    await service.dispatcher.tick();
    await service.dispatcher.idle();
    const index = connector.posts.findIndex(
      (p) =>
        p.method === 'POST' && inAdelesChat(p) && JSON.stringify(p.body).includes('would like to shadow you'),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const [first] = offered(connector.posts[index]!.body);
    expect(first).toBeDefined();

    const day = toLondonDate(Date.parse(first!.split('|')[0]!));
    const email = (await services.people.findById(DEMO_IDS.adele))!.email;
    const file = path.join(dir, 'leave.csv');
    await fs.writeFile(file, `staff_email,date,start,end,code\n${email},${day},08:00,18:00,AL\n`);
    const quiet = { write: () => undefined };
    await runRotaImport({ store: service.store, out: quiet, err: quiet }, { file, skipInvalid: false });

    const mark = connector.posts.length;
    await service.dispatcher.tick();
    await service.dispatcher.idle();
    const updates = connector.posts
      .slice(mark)
      .filter(
        (p) => p.method === 'PUT' && inAdelesChat(p) && p.path.endsWith(`/activities/sent-${index + 1}`),
      );
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.body)).toContain('"verb":"decide"');
    expect(offered(updates[0]!.body)).not.toContain(first);
    // Done once: the ask is gone, and the next run draws nothing.
    expect(await service.store.query('jobs', { partitionKey: 'card_redraw' })).toEqual([]);
    const again = connector.posts.length;
    await service.dispatcher.tick();
    await service.dispatcher.idle();
    expect(connector.posts.slice(again).filter(inAdelesChat)).toEqual([]);
  });
});
