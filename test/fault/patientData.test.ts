import { randomUUID } from 'node:crypto';
import { createServices, type Services } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../src/domain/requests';
import { actorFor, activityFrom, cardExecute, cardSubmit, message, type Actor } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { allText, postActivity } from '../support/http';
import { PATIENT_DATA } from '../support/patientDataCorpus';
import { clearRequest, freeMornings, requestInState } from '../support/requestInState';
import { startTestService, type TestService } from '../support/startTestService';
import { carriesPatientData, findStoredPatientData } from '../support/storedPatientData';
import { countFigure } from '../support/faultFigures';

/**
 * Patient data in every form the corpus holds (NHS numbers with any separators, format characters
 * and digit scripts; dates of birth; patient identifiers), typed over HTTP into an opening
 * sentence, a request's purpose, an offer's description and a decision's reason: each is refused
 * in plain words saying why, nothing is changed, and none of it is stored anywhere or sent to anyone.
 */
const alex = actorFor(DEMO_IDS.alex, 'alex-patient-data');
const megan = actorFor(DEMO_IDS.megan, 'megan-patient-data');
const isaiah = actorFor(DEMO_IDS.isaiah, 'isaiah-patient-data');
const CASES = PATIENT_DATA.map((c) => [c.name, c.text, c.kind] as const);

describe('patient data typed anywhere', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slot: { start: string; end: string };

  const chatFor = (who: Actor): Actor => ({
    ...who,
    conversationId: `a:${who.userId.slice(3)}-${randomUUID()}`,
  });
  const say = async (who: Actor, activity: Record<string, unknown>) => {
    const { status, replies } = await postActivity(service.url, { ...activity, serviceUrl: connector.url });
    expect(status).toBe(200);
    return allText(replies);
  };
  const refusalFor = (kind: string) => `That looks like it contains ${kind}.`;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    for (const who of [alex, megan, isaiah])
      await postActivity(
        service.url,
        activityFrom(
          who,
          { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
          connector.url,
        ),
      );
    [slot] = (await freeMornings(services, 1, new Date())) as [typeof slot];
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it.each(CASES)('in an opening sentence: %s', async (_name, text, kind) => {
    const who = chatFor(alex);
    const reply = await say(who, message(who, `I would like to shadow the team who saw ${text} next week`));
    expect(reply).toContain(refusalFor(kind));
  });

  it('as the purpose of a request, every form of it', async () => {
    const who = chatFor(alex);
    await say(who, message(who, 'I would like to shadow the discharge team'));
    for (const { text, kind } of PATIENT_DATA)
      expect(await say(who, message(who, text))).toContain(refusalFor(kind));
    // The question stands; an ordinary answer is taken and the conversation moves on.
    expect(await say(who, message(who, 'To understand why discharges get delayed'))).toMatch(
      /What do you want to learn\?|Choose a host and a time/,
    );
  });

  it("as an offer's description, every form of it", async () => {
    const who = chatFor(isaiah);
    await say(who, cardSubmit(who, { verb: 'offer_new' }));
    await say(who, message(who, 'Ward 7 nursing handover'));
    for (const { text, kind } of PATIENT_DATA)
      expect(await say(who, message(who, text))).toContain(refusalFor(kind));
    await say(who, message(who, 'cancel'));
  });

  it.each(CASES)('as a reason for declining: %s', async (_name, text, kind) => {
    const request = requestInState('awaiting_manager', slot, slot, new Date());
    await services.requests.create(request);
    const posts = connector.posts.length;
    const { status, body } = await postActivity(
      service.url,
      cardExecute(
        megan,
        'decide',
        {
          action: 'decline_release',
          declineCategory: 'other',
          requestId: request.id,
          visitorId: DEMO_IDS.alex,
          reason: text,
        },
        connector.url,
      ),
    );
    expect(status).toBe(200);
    const answer = JSON.stringify(body);
    // The manager's card again, saying why, with the reason box empty, so they can decline again.
    expect(answer).toContain(refusalFor(kind));
    expect(answer).toContain('Nothing has been changed.');
    expect(answer).toContain('Approve release');
    expect(carriesPatientData(answer)).toBe(false);
    expect((await services.requests.find(DEMO_IDS.alex, request.id))?.request).toEqual(request);
    await service.dispatcher.idle();
    expect(connector.posts.length).toBe(posts);
    await clearRequest(service.store, request);
  });

  it('refuses the reason that got through before: an NHS number, a date of birth, a direction override and NUL', async () => {
    const request = requestInState('awaiting_host', slot, slot, new Date());
    await services.requests.create(request);
    const adele = actorFor(DEMO_IDS.adele, 'adele-patient-data');
    const reason = 'Busy with 943\u00a0476\u00a05919 (DOB 01/02/1950) \u202Eexif.exe\u0000';
    const { body } = await postActivity(
      service.url,
      cardExecute(
        adele,
        'decide',
        { action: 'decline_visit', requestId: request.id, visitorId: DEMO_IDS.alex, reason },
        connector.url,
      ),
    );
    expect(JSON.stringify(body)).toContain(refusalFor('an NHS number'));
    expect((await services.requests.find(DEMO_IDS.alex, request.id))?.request).toEqual(request);
    // The same reason without patient data is taken, less its hidden characters.
    await postActivity(
      service.url,
      cardExecute(
        adele,
        'decide',
        {
          action: 'decline_visit',
          requestId: request.id,
          visitorId: DEMO_IDS.alex,
          reason: 'Busy \u202Ethat day\u0000',
        },
        connector.url,
      ),
    );
    const declined = (await services.requests.find(DEMO_IDS.alex, request.id))?.request as ShadowingRequest;
    expect(declined.state).toBe('declined_by_host');
    expect(declined.history.at(-1)?.reason).toBe('Busy that day');
    await service.dispatcher.idle();
    await clearRequest(service.store, request);
  });

  it('stores none of it anywhere, and sends none of it to anyone', async () => {
    await service.dispatcher.idle();
    const stored = await findStoredPatientData(service.store);
    countFigure('patientDataStored', stored.length);
    expect(stored).toEqual([]);
    expect(connector.posts.filter((p) => carriesPatientData(JSON.stringify(p.body)))).toEqual([]);
  });
});
