import type { RequestView } from '../../../src/app/describeRequest';
import { withoutCoverChoice } from '../../../src/domain/cover/coverTransitions';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import { newNotification } from '../../../src/app/notifyParties';
import { coverFacts } from '../../../src/teams/cards/coverFacts';
import { renderNotification } from '../../../src/teams/renderNotification';
import { requestInState } from '../../support/requestInState';

const SLOT = { start: '2027-03-09T09:00:00.000Z', end: '2027-03-09T13:00:00.000Z' };
const NOW = new Date('2027-03-01T10:00:00Z');

/** Alex's request in `state`, 4 hours' cover handed to the rota coordinator, then `change`d. */
function view(
  state: RequestState,
  change: (r: ShadowingRequest) => ShadowingRequest = (r) => r,
): RequestView {
  const request = change({
    ...requestInState(state, SLOT, SLOT, NOW),
    timeBasis: 'work_time',
    releaseHours: 4,
    coverHours: 4,
    cover: 'pending',
    coverMethod: 'rota_coordinator',
  });
  return { request, visitorRota: 'rostered_on', doneThisYear: 0, alternativeSlots: [] };
}

const coverLine = (v: RequestView) =>
  /"title":"Cover","value":"([^"]*)"/.exec(JSON.stringify(coverFacts(v)))?.[1];

/** The cover card's "Cover" line, for whoever arranges cover, always true of the request. */
describe("the cover card's Cover line", () => {
  it('says how cover is arranged and where it stands while it is handed over', () => {
    expect(coverLine(view('awaiting_host'))).toBe('Being arranged by the rota coordinator.');
    expect(coverLine(view('confirmed', (r) => ({ ...r, cover: 'arranged' })))).toBe(
      'Arranged by the rota coordinator.',
    );
  });

  it('says cover is on hold, not "not needed", once the release has gone back to the manager', () => {
    expect(coverLine(view('awaiting_manager', withoutCoverChoice))).toBe(
      'On hold: the manager is deciding again how the shift is covered',
    );
  });

  it.each<RequestState>(['declined_by_manager', 'cancelled', 'expired'])(
    'says nothing is needed from the arranger once a request sent back is %s',
    (state) => {
      expect(coverLine(view(state, withoutCoverChoice))).toBe('Nothing needed from you');
    },
  );
});

describe('the cards about cover that could not be arranged', () => {
  it("say why a programme lead is asked to decide, not only the manager's question", () => {
    const failed = view('awaiting_host', (r) => ({ ...r, cover: 'failed' }));
    const note = 'The visitor has no line manager on the shadowing service, so please decide instead.';
    const card = JSON.stringify(
      renderNotification(newNotification('cover_failed', failed.request, 'lead', 'step', NOW, note), failed),
    );
    expect(card).toContain(note);
    expect(card).toContain('Release without cover');
  });

  it('say cover still to be arranged for a visit that is off is no longer needed', () => {
    expect(coverLine(view('cancelled'))).toBe('No longer needed: the visit is off');
    expect(coverLine(view('cancelled', (r) => ({ ...r, cover: 'arranged' })))).toBe(
      'Arranged by the rota coordinator.',
    );
  });
});
