import type { RequestView } from '../../../src/app/describeRequest';
import type { Person } from '../../../src/domain/people';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import { describeChange } from '../../../src/teams/describeChange';

const AT = '2027-03-01T09:00:00.000Z';
const person = (id: string, name: string): Person => ({
  id,
  email: `${id}@trust.nhs.uk`,
  name,
  jobTitle: 'Staff',
  department: 'Acute Medicine',
  profession: 'medical',
  roles: ['staff'],
});

function viewAfter(
  from: RequestState,
  by: string,
  to: RequestState = 'awaiting_manager',
  reason?: string,
): RequestView {
  const request: ShadowingRequest = {
    id: 'r1',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'adele',
    state: to,
    purpose: 'To learn',
    objectives: ['a'],
    history: [{ from, to, by, at: AT, ...(reason ? { reason } : {}) }],
    createdAt: AT,
    updatedAt: AT,
  };
  return {
    request,
    visitor: person('alex', 'Alex Wilber'),
    manager: person('megan', 'Megan Bowen'),
    host: person('adele', 'Adele Vance'),
    visitorRota: 'not_rostered',
    doneThisYear: 0,
    alternativeSlots: [],
  };
}

describe('the latest change, in words', () => {
  it.each<[string, RequestState, string]>([
    ['the host accepting after a rota change', 'awaiting_host', 'adele'],
    ['a rota import on a confirmed visit', 'confirmed', 'system'],
  ])('says the rota changed when %s sends the request back to the manager', (_case, from, by) => {
    const view = viewAfter(from, by);
    expect(describeChange(view, 'visitor')).toBe(
      'Your rota has changed since the release, so Megan Bowen has been asked to decide again.',
    );
    expect(describeChange(view, 'host')).toBe(
      "Alex Wilber's rota has changed since the release, so Megan Bowen has been asked to decide again.",
    );
  });

  it('says who sent a new request to the manager', () => {
    expect(describeChange(viewAfter('draft', 'alex'), 'manager')).toBe(
      'Alex Wilber sent the request to Megan Bowen.',
    );
  });

  it.each<[string, RequestState, RequestState, string, string, string]>([
    [
      'approving',
      'awaiting_manager',
      'awaiting_host',
      'megan',
      'manager',
      'You approved the release. Adele Vance has been asked.',
    ],
    ['accepting', 'awaiting_host', 'confirmed', 'adele', 'host', 'You accepted. The visit is confirmed.'],
    ['sending', 'draft', 'awaiting_manager', 'alex', 'visitor', 'You sent the request to Megan Bowen.'],
    [
      'suggesting a time',
      'awaiting_host',
      'host_proposed_time',
      'adele',
      'host',
      'You suggested another time.',
    ],
    ['cancelling', 'confirmed', 'cancelled', 'alex', 'visitor', 'You cancelled the visit.'],
  ])('says "You" to the person who made the change (%s)', (_case, from, to, by, viewer, words) => {
    const view = viewAfter(from, by, to);
    expect(describeChange(view, viewer as 'manager' | 'host' | 'visitor', by)).toBe(words);
    // Everyone else is told who did it, by name.
    expect(describeChange(view, viewer as 'manager' | 'host' | 'visitor', 'someone-else')).not.toMatch(
      /^You /,
    );
    expect(describeChange(view, viewer as 'manager' | 'host' | 'visitor')).not.toMatch(/^You /);
  });

  it("gives the decider's reason back to them as theirs, and to others as the decider's", () => {
    const view = viewAfter('awaiting_manager', 'megan', 'declined_by_manager', 'Short staffed');
    expect(describeChange(view, 'manager', 'megan')).toBe(
      'You could not release Alex Wilber this time. Your reason: "Short staffed"',
    );
    expect(describeChange(view, 'visitor', 'alex')).toBe(
      'Megan Bowen could not release you this time. Their reason: "Short staffed"',
    );
  });

  it("gives the host's reason for declining to the visitor and back to the host, and to nobody else", () => {
    const view = viewAfter('awaiting_host', 'adele', 'declined_by_host', 'Ward closed');
    expect(describeChange(view, 'visitor', 'alex')).toBe(
      'Adele Vance could not host this visit. Their reason: "Ward closed"',
    );
    expect(describeChange(view, 'host', 'adele')).toBe(
      'You could not host this visit. Your reason: "Ward closed"',
    );
    for (const [viewer, reader] of [
      ['manager', 'megan'],
      ['programme_lead', 'patti'],
    ] as const)
      expect(describeChange(view, viewer, reader)).toBe(
        'Adele Vance could not host this visit, so it is off.',
      );
  });
});
