import type { RequestView } from '../../../src/app/describeRequest';
import { NOTIFICATION_KINDS, REQUESTLESS_KINDS, type Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import { REQUEST_STATES, type ShadowingRequest } from '../../../src/domain/requests';
import { createManagerApprovalCard } from '../../../src/teams/cards/managerApprovalCard';
import { mayShowHistory, renderNotification } from '../../../src/teams/renderNotification';

const START = '2027-03-09T09:00:00.000Z';
const END = '2027-03-09T13:00:00.000Z';

const person = (id: string, name: string): Person => ({
  id,
  email: `${id}@trust.nhs.uk`,
  name,
  jobTitle: 'Staff Nurse',
  department: 'Acute Medicine',
  profession: 'nursing',
  roles: ['staff'],
});

function viewIn(state: ShadowingRequest['state'], history: boolean): RequestView {
  const request: ShadowingRequest = {
    id: 'r1',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'adele',
    offerId: 'o1',
    state,
    purpose: 'To learn how discharges are planned',
    objectives: ['See a board round'],
    start: START,
    end: END,
    timeBasis: 'work_time',
    releaseHours: 4,
    coverHours: 4,
    coverMethod: 'rota_coordinator',
    cover: 'failed',
    history: [],
    createdAt: START,
    updatedAt: START,
  };
  return {
    request,
    visitor: person('alex', 'Alex Wilber'),
    manager: person('megan', 'Megan Bowen'),
    host: person('adele', 'Adele Vance'),
    visitorRota: 'rostered_on',
    ...(history ? { doneThisYear: 2, hoursThisYear: 8 } : {}),
    alternativeSlots: [],
  };
}

function notification(kind: Notification['kind'], personId: string): Notification {
  return {
    id: `${kind}:r1:${personId}:1`,
    personId,
    kind,
    requestId: 'r1',
    visitorId: 'alex',
    status: 'pending',
    attempts: 0,
    createdAt: START,
    nextAttemptAt: START,
  };
}

const REQUEST_KINDS = NOTIFICATION_KINDS.filter((kind) => !REQUESTLESS_KINDS.has(kind));

describe("which messages read the visitor's shadowing this year", () => {
  it('reads it for every message whose card, in any state and to anyone, shows it', () => {
    const shownWithout: string[] = [];
    for (const kind of REQUEST_KINDS)
      for (const state of REQUEST_STATES)
        for (const personId of ['alex', 'megan', 'adele', 'lead']) {
          const card = JSON.stringify(renderNotification(notification(kind, personId), viewIn(state, true)));
          if (card.includes('Shadowing this year') && !mayShowHistory(notification(kind, personId)))
            shownWithout.push(`${kind} (${state}, to ${personId})`);
        }
    expect(shownWithout).toEqual([]);
  });

  it("shows the manager the visitor's visits this year when they were read", () => {
    const card = JSON.stringify(createManagerApprovalCard(viewIn('awaiting_manager', true)));
    expect(card).toContain('"title":"Shadowing this year","value":"2 visits, 8 hours"');
  });

  it('leaves the line out, rather than saying none, when they were not read', () => {
    const card = JSON.stringify(createManagerApprovalCard(viewIn('awaiting_manager', false)));
    expect(card).not.toContain('Shadowing this year');
    expect(card).not.toContain('None yet');
  });
});
