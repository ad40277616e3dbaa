import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, activityFrom, message } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-bad-input');

async function post(service: TestService, body: string, contentType = 'application/json') {
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: await response.text() };
}

describe('the HTTP boundary refuses bad input before it reaches the bot', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  const stateDocuments = () => service.store.query('botstate');

  it('answers 413 to a body over 256 KB and stores nothing', async () => {
    const huge = JSON.stringify(message(alex, 'x'.repeat(300 * 1024)));
    const { status } = await post(service, huge);
    expect(status).toBe(413);
    expect(await stateDocuments()).toEqual([]);
  });

  it('accepts a body just under the limit', async () => {
    const { status } = await postActivity(service.url, message(alex, 'y'.repeat(200 * 1024)));
    expect(status).toBe(200);
  });

  it.each([
    ['truncated JSON', '{"type":"message","text":'],
    ['not JSON at all', 'hello bot'],
  ])('answers 400 to %s', async (_name, body) => {
    const { status } = await post(service, body);
    expect(status).toBe(400);
  });

  it.each([
    ['an array', []],
    ['no type', { ...message(alex, 'hi'), type: undefined }],
    ['no conversation', { ...message(alex, 'hi'), conversation: undefined }],
    ['no sender', { ...message(alex, 'hi'), from: undefined }],
    ['a sender without an id', { ...message(alex, 'hi'), from: { name: 'x' } }],
    ['no serviceUrl', { ...message(alex, 'hi'), serviceUrl: undefined }],
    ['text that is not a string', { ...message(alex, 'hi'), text: { $where: '1' } }],
  ])('answers 400 to an activity with %s, and stores nothing', async (_name, activity) => {
    const before = (await stateDocuments()).length;
    const { status } = await postActivity(service.url, activity);
    expect(status).toBe(400);
    expect((await stateDocuments()).length).toBe(before);
  });

  it('is still healthy after all that', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });
});

describe('normal delivery: replies go to the connector service', () => {
  it('posts the reply to serviceUrl for the conversation', async () => {
    const connector = await startFakeConnector();
    const service = await startTestService();
    try {
      const activity = activityFrom(
        alex,
        { type: 'message', text: 'my requests', deliveryMode: 'normal' },
        connector.url,
      );
      const { status } = await postActivity(service.url, activity);
      expect(status).toBe(200);
      const posts = await connector.waitFor(2);
      const paths = posts.map((p) => p.path);
      expect(
        paths.every((p) =>
          p.startsWith(`/v3/conversations/${encodeURIComponent(alex.conversationId)}/activities`),
        ),
      ).toBe(true);
      const sent = JSON.stringify(posts.map((p) => p.body));
      expect(sent).toContain('job shadowing');
      expect(sent).toContain('Your requests');
    } finally {
      await service.stop();
      await connector.stop();
    }
  });
});
