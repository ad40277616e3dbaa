import { owedByCoverDecision } from '../../../src/app/decideOnCover';
import type { Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { requestInState } from '../../support/requestInState';

const NOW = new Date('2026-03-02T09:00:00Z');
const SLOT = { start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T13:00:00.000Z' };
/** The only part of the services a release without cover reads: the visitor's name. */
const services = {
  people: { findById: async () => ({ id: DEMO_IDS.alex, name: 'Alex Wilber' }) },
} as unknown as Services;

function failedCover(state: 'awaiting_host' | 'confirmed'): ShadowingRequest {
  return { ...requestInState(state, SLOT, SLOT, NOW), cover: 'failed', coverArrangerId: DEMO_IDS.lynne };
}

async function visitorReads(request: ShadowingRequest, actorId: string): Promise<string | undefined> {
  const owed = await owedByCoverDecision(services, request, 'release_without_cover', actorId, NOW);
  return owed.find((message) => message.personId === request.visitorId)?.note;
}

describe('what the visitor reads when released without cover', () => {
  it('names their manager when the manager released them', async () => {
    expect(await visitorReads(failedCover('confirmed'), DEMO_IDS.megan)).toBe(
      'Cover could not be arranged, but your manager has released you anyway. Your visit goes ahead.',
    );
  });

  it('names the programme lead when a lead decided instead of the manager', async () => {
    expect(await visitorReads(failedCover('awaiting_host'), DEMO_IDS.patti)).toBe(
      'Cover could not be arranged, but the programme lead has released you anyway. Your visit goes ahead once the host has agreed it.',
    );
  });
});
