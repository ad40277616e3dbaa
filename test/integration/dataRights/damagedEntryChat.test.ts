import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import { actorFor, cardExecute, installation, message } from '../../support/activities';
import { damagePerson } from '../../support/damageDocument';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-damaged-entry');

/**
 * "my data" and "delete my data" in the chat, over HTTP, for someone whose own directory entry is
 * damaged: they are who Teams says they are, so their data is still theirs to see and to erase.
 */
describe('data rights in the chat with a damaged directory entry', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await postActivity(service.url, installation(alex));
    const entry = await service.store.read<Person & Record<string, unknown>>(
      'people',
      DEMO_IDS.alex,
      DEMO_IDS.alex,
    );
    await damagePerson(service.store, entry!.doc);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('sends what can be read, saying the directory entry could not be read', async () => {
    const { replies } = await postActivity(service.url, message(alex, 'my data'));
    expect(replies[0]?.text).toContain('Here is everything I hold about you');
    const exported = JSON.parse(
      replies
        .slice(1)
        .map((r) => r.text)
        .join(''),
    ) as { person: unknown; rota: unknown[]; unreadable: unknown[] };
    expect(exported.person).toEqual({
      unreadable: expect.stringContaining('it is damaged and could not be read'),
    });
    expect(exported.rota.length).toBeGreaterThan(0);
    expect(exported.unreadable).toEqual([
      expect.objectContaining({ container: 'people', documentId: DEMO_IDS.alex }),
    ]);
  });

  it('erases their data after they confirm, the damaged entry too', async () => {
    const asked = await postActivity(service.url, message(alex, 'delete my data'));
    expect(JSON.stringify(asked.replies)).toContain('data_erase_confirm');
    const confirmed = await postActivity(service.url, cardExecute(alex, 'data_erase_confirm', {}));
    expect(JSON.stringify(confirmed.body)).toContain('Your personal data has been deleted');
    expect(await service.store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeUndefined();
    expect(await service.store.query('requests', { partitionKey: DEMO_IDS.alex })).toEqual([]);
    const after = await postActivity(service.url, message(alex, 'my data'));
    expect(allText(after.replies)).not.toContain('Here is everything I hold about you');
  });
});
