import type { HostOffer } from '../../../../src/domain/offers';
import type { Person } from '../../../../src/domain/people';
import {
  checkReturnVisit,
  returnVisitDraft,
  teamOffersFor,
} from '../../../../src/domain/relationships/returnVisit';
import type { ShadowingRequest } from '../../../../src/domain/requests';

const host: Person = {
  id: 'adele',
  email: 'adele@trust.nhs.uk',
  name: 'Adele Vance',
  jobTitle: 'Discharge Coordinator',
  department: 'Discharge and Patient Flow',
  profession: 'nursing',
  roles: ['staff'],
};
const visitor: Person = {
  ...host,
  id: 'alex',
  name: 'Alex Wilber',
  department: 'Acute Medicine',
  profession: 'medical',
};
const request = {
  id: '6f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  visitorId: 'alex',
  hostId: 'adele',
  state: 'completed',
  start: '2026-03-03T09:00:00.000Z',
  end: '2026-03-03T13:00:00.000Z',
} as ShadowingRequest;

describe('checkReturnVisit', () => {
  it.each<[string, ShadowingRequest, Person, Person | undefined, string | undefined]>([
    ['the host after a completed visit', request, host, visitor, undefined],
    ['someone else', request, visitor, visitor, 'Only the host of this visit'],
    [
      'a visit not yet completed',
      { ...request, state: 'confirmed' },
      host,
      visitor,
      'once the visit has happened',
    ],
    ['a no-show', { ...request, state: 'no_show' }, host, visitor, 'once the visit has happened'],
    ['a visitor no longer in the directory', request, host, undefined, 'can no longer find your visitor'],
    [
      'a visitor from the same team',
      request,
      host,
      { ...visitor, department: ' discharge and patient flow ' },
      'your own department',
    ],
  ])('%s', (_name, r, actor, who, refusal) => {
    const check = checkReturnVisit(r, actor, who);
    if (refusal === undefined) expect(check).toEqual({ ok: true, department: 'Acute Medicine' });
    else expect(check).toMatchObject({ ok: false, refusal: expect.stringContaining(refusal) });
  });
});

describe('teamOffersFor', () => {
  const offer = (id: string, fields: Partial<HostOffer>) =>
    ({
      id,
      hostId: 'chloe',
      department: 'Acute Medicine',
      status: 'active',
      openTo: [],
      ...fields,
    }) as HostOffer;
  it('keeps active offers of the team, open to the host, not their own', () => {
    const offers = [
      offer('ok', {}),
      offer('case', { department: 'acute  medicine' }),
      offer('paused', { status: 'paused' }),
      offer('other-team', { department: 'Radiology' }),
      offer('doctors-only', { openTo: ['medical'] }),
      offer('nurses', { openTo: ['nursing'] }),
      offer('own', { hostId: 'adele' }),
    ];
    expect(teamOffersFor(offers, 'Acute Medicine', host).map((o) => o.id)).toEqual(['ok', 'case', 'nurses']);
  });
});

describe('returnVisitDraft', () => {
  it('fills in whom, why and what to learn, and keeps to the team', () => {
    const draft = returnVisitDraft(request, 'Acute Medicine', new Date('2026-03-10T10:00:00Z'));
    expect(draft).toMatchObject({
      step: 'what',
      what: 'Acute Medicine',
      purpose: expect.stringContaining('shadowed our team on Tue 3 Mar'),
      objectives: [
        'See how Acute Medicine works day to day',
        'Find ways our two teams can work better together',
      ],
      returnTo: { department: 'Acute Medicine', requestId: request.id },
    });
  });
});
