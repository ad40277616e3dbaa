import {
  buildExchangeRecord,
  daysToConfirm,
  periodOf,
  sameRecord,
} from '../../../../src/domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../../../src/domain/outcomes/outcomeTypes';
import { dueOutcomeActions } from '../../../../src/domain/outcomes/dueCheckIns';
import { formatCpdRecord } from '../../../../src/domain/outcomes/cpdRecord';
import type { Person } from '../../../../src/domain/people';

const visitor: Person = {
  id: 'v-1',
  email: 'alex.wilber@trust.example',
  name: 'Alex Wilber',
  jobTitle: 'FY1',
  department: 'Acute Medicine',
  profession: 'medical',
  roles: ['staff'],
  managerId: 'm-1',
};
const host: Person = {
  id: 'h-1',
  email: 'adele.vance@trust.example',
  name: 'Adele Vance',
  jobTitle: 'Discharge Coordinator',
  department: 'Discharge and Patient Flow',
  profession: 'nursing',
  roles: ['staff'],
};

const request: RequestWithOutcomes = {
  id: '6f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  visitorId: 'v-1',
  managerId: 'm-1',
  hostId: 'h-1',
  offerId: 'offer-1',
  state: 'completed',
  what: 'Adele Vance and the discharge team',
  purpose: 'My own reasons, mentioning Alex Wilber',
  objectives: ['See a board round', 'Learn how discharge is planned'],
  // 31 March 2025, 23:30 UTC is 1 April 00:30 in London (BST): April's partition.
  start: '2025-03-31T23:30:00.000Z',
  end: '2025-04-01T03:30:00.000Z',
  setting: 'ward',
  coverNotes: 'Ben Carter covers',
  costs: 'Travel £12.50',
  history: [
    { from: 'draft', to: 'awaiting_manager', by: 'v-1', at: '2025-03-03T09:00:00.000Z' },
    { from: 'awaiting_manager', to: 'awaiting_host', by: 'm-1', at: '2025-03-04T09:00:00.000Z' },
    { from: 'awaiting_host', to: 'confirmed', by: 'h-1', at: '2025-03-06T21:00:00.000Z' },
    { from: 'confirmed', to: 'completed', by: 'v-1', at: '2025-04-01T05:00:00.000Z' },
  ],
  outcomes: {
    visitor: {
      ratings: ['met', 'partly'],
      knowledge: ['practical_wisdom'],
      doDifferently: 'Plan earlier',
      wouldRecommend: true,
      followOn: 'follow_up',
      hours: 4,
      reflection: { what: 'w', soWhat: 's', nowWhat: 'n' },
      at: '2025-04-01T05:00:00.000Z',
    },
  },
  createdAt: '2025-03-03T09:00:00.000Z',
  updatedAt: '2025-04-01T05:00:00.000Z',
};
const NOW = new Date('2025-04-02T10:00:00Z');

describe('the exchange record', () => {
  const record = buildExchangeRecord({
    request,
    visitor,
    host,
    remindersNeeded: 2,
    now: NOW,
  });

  it('holds the evaluation fields, partitioned by the London month of the visit', () => {
    expect(record).toMatchObject({
      id: request.id,
      period: '2025-04',
      visitDate: '2025-04-01',
      outcome: 'completed',
      visitor: { profession: 'medical', department: 'Acute Medicine' },
      host: { profession: 'nursing', department: 'Discharge and Patient Flow' },
      crossProfession: true,
      setting: 'ward',
      objectives: [
        { text: 'See a board round', rating: 'met' },
        { text: 'Learn how discharge is planned', rating: 'partly' },
      ],
      knowledge: ['practical_wisdom'],
      hours: 4,
      daysToConfirm: 3.5,
      remindersNeeded: 2,
      release: { timeBasis: 'own_time', releaseHours: 0, coverHours: 0, coverStatus: 'not_needed' },
      cover: { notesGiven: true },
      visitorFeedback: true,
      hostFeedback: false,
    });
  });

  it('holds no names, emails, purpose, reflection, cover notes or cost text', () => {
    const text = JSON.stringify(record);
    for (const needle of [
      'Alex',
      'Adele',
      'Ben Carter',
      '@',
      'My own reasons',
      'Travel',
      '"reflection"',
      'soWhat',
      'FY1',
      'm-1',
    ])
      expect(text).not.toContain(needle);
  });

  it('is written only for completed and no-show visits; a no-show carries no feedback', () => {
    expect(
      buildExchangeRecord({
        request: { ...request, state: 'cancelled' },
        visitor,
        host,
        remindersNeeded: 0,
        now: NOW,
      }),
    ).toBeUndefined();
    const noShow = buildExchangeRecord({
      request: { ...request, state: 'no_show' },
      visitor,
      host,
      remindersNeeded: 0,
      now: NOW,
    });
    expect(noShow).toMatchObject({ outcome: 'no_show', visitorFeedback: false, knowledge: [] });
    expect(noShow?.hours).toBeUndefined();
  });

  it('compares records without regard to field order or when they were written', () => {
    const again = buildExchangeRecord({
      request,
      visitor,
      host,
      remindersNeeded: 2,
      now: new Date('2025-05-01T00:00:00Z'),
    });
    expect(
      record &&
        again &&
        sameRecord(record, { ...(JSON.parse(JSON.stringify(again)) as typeof again), ttl: 5 }),
    ).toBe(true);
    expect(record && again && sameRecord(record, { ...again, hours: 5 })).toBe(false);
  });

  it('reads days to confirm and periods', () => {
    expect(daysToConfirm({ ...request, history: request.history.slice(0, 2) })).toBeUndefined();
    expect(periodOf('2025-10-31T23:30:00Z')).toBe('2025-10');
  });
});

describe('after-visit work that is due', () => {
  const confirmed: RequestWithOutcomes = { ...request, state: 'confirmed', outcomes: undefined };
  const end = Date.parse(request.end as string);
  const at = (days: number) => new Date(end + days * 86_400_000);

  it('checks in once a confirmed visit has ended, for a month', () => {
    expect(dueOutcomeActions(confirmed, at(-0.01))).toEqual([]);
    expect(dueOutcomeActions(confirmed, at(0))).toEqual([{ kind: 'check_in', requestId: request.id }]);
    expect(dueOutcomeActions(confirmed, at(31))).toEqual([]);
  });

  it('logs after two weeks and asks the follow-up after three months, unless answered', () => {
    expect(dueOutcomeActions(request, at(13))).toEqual([]);
    expect(dueOutcomeActions(request, at(14)).map((a) => a.kind)).toEqual(['log_exchange']);
    expect(dueOutcomeActions(request, at(90)).map((a) => a.kind)).toEqual(['follow_up']);
    expect(
      dueOutcomeActions(
        { ...request, outcomes: { ...request.outcomes, followUp: { changed: 'no', at: 'x' } } },
        at(90),
      ),
    ).toEqual([]);
    expect(dueOutcomeActions({ ...request, state: 'no_show' }, at(90))).toEqual([]);
  });
});

describe('the CPD record', () => {
  it('gives date, host, hours, objectives with outcomes and the reflection', () => {
    const text = formatCpdRecord({
      request,
      visitorName: 'Alex Wilber',
      hostName: 'Adele Vance',
      hostRole: 'Discharge Coordinator',
      hostDepartment: 'Discharge and Patient Flow',
    });
    expect(text).toContain('Date: Tue 1 Apr, 00:30-04:30');
    expect(text).toContain('Host: Adele Vance, Discharge Coordinator, Discharge and Patient Flow');
    expect(text).toContain('Hours: 4');
    expect(text).toContain('- See a board round: Met');
    expect(text).toContain('- Learn how discharge is planned: Partly met');
    expect(text).toMatch(/### So what\?\ns\n/);
  });

  it('is not ready before the visitor has given feedback', () => {
    expect(
      formatCpdRecord({ request: { ...request, outcomes: {} }, visitorName: 'Alex Wilber' }),
    ).toBeUndefined();
  });
});
