import type { RequestView } from '../../../src/app/describeRequest';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { Person } from '../../../src/domain/people';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import type { Viewer } from '../../../src/domain/workflow/viewers';
import { createRequestStatusCard } from '../../../src/teams/cards/requestStatusCard';
import { describeChange } from '../../../src/teams/describeChange';
import { requestInState } from '../../support/requestInState';

const SLOT = { start: '2027-03-09T09:00:00.000Z', end: '2027-03-09T13:00:00.000Z' };
const NOW = new Date('2027-03-01T10:00:00Z');

function person(id: string, name: string): Person {
  return {
    id,
    email: `${id}@trust.nhs.uk`,
    name,
    jobTitle: 'Nurse',
    department: 'Ward 7',
    profession: 'nursing',
    roles: ['staff'],
  };
}

/** Alex's request in `state`, in work time with 4 hours' cover handed to the rota coordinator. */
function workTimeView(state: RequestState, cover: Partial<ShadowingRequest> = {}): RequestView {
  const request: ShadowingRequest = {
    ...requestInState(state, SLOT, SLOT, NOW),
    timeBasis: 'work_time',
    releaseHours: 4,
    coverHours: 4,
    cover: 'pending',
    coverMethod: 'rota_coordinator',
    ...cover,
  };
  return {
    request,
    visitor: person(DEMO_IDS.alex, 'Alex Wilber'),
    manager: person(DEMO_IDS.megan, 'Megan Bowen'),
    host: person(DEMO_IDS.adele, 'Adele Vance'),
    visitorRota: 'rostered_on',
    doneThisYear: 0,
    alternativeSlots: [],
  };
}

/** The facts of the visitor's status card, title to value. */
function visitorFacts(view: RequestView): Record<string, string> {
  const text = JSON.stringify(createRequestStatusCard(view, undefined, 'visitor'));
  const facts: Record<string, string> = {};
  for (const match of text.matchAll(/"title":"([^"]+)","value":"([^"]*)"/g)) facts[match[1]!] = match[2]!;
  return facts;
}

/** The manager cancels the visit (cover having failed, or not). */
function cancelledByMegan(cover: Partial<ShadowingRequest>): RequestView {
  const view = workTimeView('awaiting_host', cover);
  const at = NOW.toISOString();
  view.request = {
    ...view.request,
    state: 'cancelled',
    history: [...view.request.history, { from: 'awaiting_host', to: 'cancelled', by: DEMO_IDS.megan, at }],
  };
  return view;
}

describe("the visitor's words about release and cover", () => {
  it.each<[RequestState, string | undefined]>([
    ['awaiting_manager', 'Work time: your manager is asked to release you from your rota.'],
    ['awaiting_host', 'Work time: your manager releases you from your rota.'],
    ['host_proposed_time', 'Work time: your manager releases you from your rota.'],
    ['confirmed', 'Work time: your manager releases you from your rota.'],
    ['declined_by_manager', undefined],
    ['declined_by_host', undefined],
    ['cancelled', undefined],
    ['expired', undefined],
    ['completed', undefined],
  ])('when the request is %s, says of its time: %s', (state, words) => {
    const facts = visitorFacts(workTimeView(state));
    expect(facts.Time).toBe(words);
    if (!words) expect(facts['Cover for your shift']).toBeUndefined();
  });

  it.each<[Partial<ShadowingRequest>, string]>([
    [{ cover: 'pending' }, 'Being arranged by the rota coordinator'],
    [{ cover: 'arranged' }, 'Arranged by the rota coordinator'],
    [{ cover: 'failed' }, 'Could not be arranged'],
    [
      { cover: 'failed', releasedWithoutCover: true },
      'Could not be arranged: your manager released you without it',
    ],
  ])('says where cover for the shift stands (%j): %s', (cover, words) => {
    expect(visitorFacts(workTimeView('confirmed', cover))['Cover for your shift']).toBe(words);
  });

  it.each<[Viewer, string]>([
    ['visitor', 'Megan Bowen cancelled the visit because cover for your shift could not be arranged.'],
    [
      'manager',
      "Megan Bowen cancelled the visit because cover for Alex Wilber's shift could not be arranged.",
    ],
    ['host', 'Megan Bowen cancelled the visit.'],
  ])(
    'tells the %s why the manager cancelled after cover failed (the host only that it is off)',
    (viewer, words) => {
      expect(describeChange(cancelledByMegan({ cover: 'failed' }), viewer)).toBe(words);
    },
  );

  it.each<[RequestState, Partial<ShadowingRequest>, string | undefined]>([
    ['awaiting_host', { cover: 'pending' }, 'Being arranged by the rota coordinator.'],
    ['confirmed', { cover: 'arranged' }, 'Arranged by the rota coordinator.'],
    [
      'confirmed',
      { cover: 'failed', releasedWithoutCover: true },
      'Could not be arranged by the rota coordinator. The manager released them without it.',
    ],
    ['cancelled', { cover: 'arranged' }, undefined],
    ['awaiting_host', { coverMethod: undefined, cover: undefined }, undefined],
  ])('shows the manager where cover stands on a %s request (%j): %s', (state, cover, words) => {
    const text = JSON.stringify(createRequestStatusCard(workTimeView(state, cover), undefined, 'manager'));
    const line = /"title":"Cover","value":"([^"]*)"/.exec(text)?.[1];
    expect(line).toBe(words);
    expect(text).not.toContain('Cover for your shift');
  });

  it('gives no cover reason for a cancellation that was not about cover', () => {
    for (const cover of [
      { cover: 'arranged' as const },
      { cover: 'failed' as const, releasedWithoutCover: true },
    ])
      expect(describeChange(cancelledByMegan(cover), 'visitor')).toBe('Megan Bowen cancelled the visit.');
  });
});
