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

function viewAfter(from: RequestState, by: string): RequestView {
  const request: ShadowingRequest = {
    id: 'r1',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'adele',
    state: 'awaiting_manager',
    purpose: 'To learn',
    objectives: ['a'],
    history: [{ from, to: 'awaiting_manager', by, at: AT }],
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
});
