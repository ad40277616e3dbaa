import type { RequestView } from '../../../src/app/describeRequest';
import { withoutCoverChoice } from '../../../src/domain/cover/coverTransitions';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import { coverFacts } from '../../../src/teams/cards/coverFacts';
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
    expect(coverLine(view('awaiting_host'))).toBe('Rota coordinator to arrange: being arranged.');
    expect(coverLine(view('confirmed', (r) => ({ ...r, cover: 'arranged' })))).toBe(
      'Rota coordinator to arrange: arranged.',
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
