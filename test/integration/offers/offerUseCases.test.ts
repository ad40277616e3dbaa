import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveNewOffer } from '../../../src/app/offers/saveNewOffer';
import { setOfferStatus } from '../../../src/app/offers/setOfferStatus';
import { updateOffer } from '../../../src/app/offers/updateOffer';
import { createServices, type Services } from '../../../src/app/services';
import { startOfferDraft, startOfferEdit, type OfferDraft } from '../../../src/domain/offerDialog/offerDraft';
import type { HostOffer } from '../../../src/domain/offers';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import type { OffersRepository } from '../../../src/store/repositories/offersRepository';

const NOW = new Date('2026-11-22T10:00:00Z');
const LATER = new Date('2026-11-23T08:30:00Z');
const lynne = { id: 'host-lynne' };
const isaiah = { id: 'host-isaiah' };

/** A finished draft, as the conversation hands it over. */
function finishedDraft(changes: Partial<OfferDraft> = {}): OfferDraft {
  return {
    ...startOfferDraft({ profession: 'ahp', department: 'Physiotherapy' }, NOW),
    step: 'summary',
    title: 'Physiotherapy outpatient clinic',
    description: 'Sit in on a physiotherapy clinic and see how we assess and treat back pain.',
    profession: 'ahp',
    department: 'Physiotherapy',
    setting: 'outpatient_clinic',
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 6,
    openTo: ['nursing'],
    prerequisites: '',
    meetingPoint: 'Physio reception, Outpatients Level 1',
    ...changes,
  };
}

describe('host offers against the embedded store', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  let services: Services;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'offers-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    services = createServices(store, () => NOW);
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function saved(host = lynne, draft = finishedDraft()): Promise<HostOffer> {
    const result = await saveNewOffer(services, host, draft, NOW);
    if (!result.ok) throw new Error(result.refusal);
    return result.offer;
  }

  it('saves a finished offer as active, under the host, with a fresh id', async () => {
    const offer = await saved();
    expect(offer).toMatchObject({
      hostId: lynne.id,
      status: 'active',
      title: 'Physiotherapy outpatient clinic',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(offer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await services.offers.listForHost(lynne.id)).toEqual([offer]);
    expect((await services.offers.listActive()).map((o) => o.id)).toEqual([offer.id]);
    expect((await saved()).id).not.toBe(offer.id);
  });

  it('refuses an unfinished draft and stores nothing', async () => {
    const result = await saveNewOffer(services, lynne, finishedDraft({ meetingPoint: undefined }), NOW);
    expect(result).toEqual({ ok: false, refusal: expect.stringMatching(/not finished/) });
    expect(await services.offers.listForHost(lynne.id)).toEqual([]);
  });

  it('refuses a sensitive setting whose induction was not accepted', async () => {
    const result = await saveNewOffer(
      services,
      lynne,
      finishedDraft({ setting: 'ward', inductionAccepted: false }),
      NOW,
    );
    expect(result.ok).toBe(false);
    expect(await services.offers.listForHost(lynne.id)).toEqual([]);
  });

  it("updates the host's own offer, keeping its id, status and creation time", async () => {
    const offer = await saved();
    const draft = {
      ...startOfferEdit(offer, { profession: 'ahp', department: 'Physiotherapy' }, NOW),
      meetingPoint: 'Gym, Outpatients Level 1',
    };
    const result = await updateOffer(services, lynne, offer.id, draft, LATER);
    expect(result).toEqual({
      ok: true,
      offer: { ...offer, meetingPoint: 'Gym, Outpatients Level 1', updatedAt: LATER.toISOString() },
    });
    expect((await services.offers.find(lynne.id, offer.id))?.offer.meetingPoint).toBe(
      'Gym, Outpatients Level 1',
    );
  });

  it('refuses to save over a change made since the offer was read, and keeps that change', async () => {
    const offer = await saved();
    // Another window saves a change between this save's read and its write.
    const racing = {
      find: async (hostId: string, offerId: string) => {
        const found = await services.offers.find(hostId, offerId);
        if (found)
          await services.offers.replace({ ...found.offer, title: 'Changed in another window' }, found.etag);
        return found;
      },
      replace: (changed: HostOffer, etag: string) => services.offers.replace(changed, etag),
    } as unknown as OffersRepository;
    const draft = {
      ...startOfferEdit(offer, { profession: 'ahp', department: 'Physiotherapy' }, NOW),
      title: 'My change',
    };
    const result = await updateOffer({ offers: racing }, lynne, offer.id, draft, LATER);
    expect(result).toEqual({ ok: false, refusal: expect.stringMatching(/changed a moment ago/) });
    expect((await services.offers.find(lynne.id, offer.id))?.offer.title).toBe('Changed in another window');
  });

  it('pauses and resumes an offer: a paused offer is not in the search catalogue', async () => {
    const offer = await saved();
    const other = await saved(isaiah);
    expect((await services.offers.listActive()).map((o) => o.id).sort()).toEqual([offer.id, other.id].sort());

    const paused = await setOfferStatus(services, lynne, offer.id, 'paused', LATER);
    expect(paused).toEqual({
      ok: true,
      offer: { ...offer, status: 'paused', updatedAt: LATER.toISOString() },
    });
    expect((await services.offers.listActive()).map((o) => o.id)).toEqual([other.id]);
    expect((await services.offers.listForHost(lynne.id)).map((o) => o.status)).toEqual(['paused']);

    const resumed = await setOfferStatus(services, lynne, offer.id, 'active', LATER);
    expect(resumed.ok && resumed.offer.status).toBe('active');
    expect((await services.offers.listActive()).map((o) => o.id).sort()).toEqual([offer.id, other.id].sort());
  });

  it('changes nothing when asked for the status the offer already has', async () => {
    const offer = await saved();
    const before = await services.offers.find(lynne.id, offer.id);
    expect(await setOfferStatus(services, lynne, offer.id, 'active', LATER)).toEqual({ ok: true, offer });
    expect((await services.offers.find(lynne.id, offer.id))?.etag).toBe(before?.etag);
  });

  describe('only the host may change their offer', () => {
    it.each([
      ['pause', (offerId: string) => setOfferStatus(services, isaiah, offerId, 'paused', LATER)],
      [
        'edit',
        (offerId: string) =>
          updateOffer(services, isaiah, offerId, finishedDraft({ title: 'Taken over' }), LATER),
      ],
    ])('refuses another person who tries to %s it, and changes nothing', async (_action, act) => {
      const offer = await saved();
      const before = await services.offers.find(lynne.id, offer.id);
      const result = await act(offer.id);
      expect(result).toEqual({
        ok: false,
        refusal: expect.stringMatching(/could not find that offer among yours/),
      });
      const after = await services.offers.find(lynne.id, offer.id);
      expect(after).toEqual(before);
      expect(await services.offers.listForHost(isaiah.id)).toEqual([]);
    });

    it('refuses another person who tries to resume a paused offer', async () => {
      const offer = await saved();
      await setOfferStatus(services, lynne, offer.id, 'paused', LATER);
      expect((await setOfferStatus(services, isaiah, offer.id, 'active', LATER)).ok).toBe(false);
      expect((await services.offers.find(lynne.id, offer.id))?.offer.status).toBe('paused');
      expect(await services.offers.listActive()).toEqual([]);
    });

    it('refuses an offer id that does not exist', async () => {
      expect((await setOfferStatus(services, lynne, 'no-such-offer', 'paused', LATER)).ok).toBe(false);
    });
  });
});
