import type { RequestView } from '../../../src/app/describeRequest';
import { releaseForVisit } from '../../../src/domain/cover/releaseForVisit';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { Shift, ShiftKind } from '../../../src/domain/rota';
import { toLondonInstant } from '../../../src/domain/time/londonTime';
import { createManagerApprovalCard } from '../../../src/teams/cards/managerApprovalCard';

const DAY = '2027-03-09';
const at = (time: string) => new Date(toLondonInstant(DAY, time)).toISOString();
const VISIT = { start: at('09:00'), end: at('13:00') };

function entry(kind: ShiftKind, from: string, to: string): Shift {
  return { kind, code: 'X', start: at(from), end: at(to) };
}

const alex: Person = {
  id: 'alex',
  email: 'alex@trust.nhs.uk',
  name: 'Alex Wilber',
  jobTitle: 'FY1 Doctor',
  department: 'Acute Medicine',
  profession: 'medical',
  roles: ['staff'],
};

/** The manager's card for a morning visit over these rota entries, as the release code works it out. */
function cardFor(shifts: Shift[]): { text: string; facts: Record<string, string> } {
  const release = releaseForVisit(shifts, VISIT.start, VISIT.end);
  const request: ShadowingRequest = {
    id: 'r1',
    visitorId: 'alex',
    managerId: 'megan',
    state: 'awaiting_manager',
    purpose: 'To learn how discharges are planned',
    objectives: ['See a board round'],
    ...VISIT,
    timeBasis: release.timeBasis,
    releaseHours: release.releaseHours,
    coverHours: release.coverHours,
    history: [],
    createdAt: VISIT.start,
    updatedAt: VISIT.start,
  };
  const view: RequestView = {
    request,
    visitor: alex,
    visitorRota: 'rostered_on',
    doneThisYear: 0,
    release,
    alternativeSlots: [],
  };
  const text = JSON.stringify(createManagerApprovalCard(view));
  const facts: Record<string, string> = {};
  for (const match of text.matchAll(/"title":"([^"]+)","value":"([^"]*)"/g)) facts[match[1]!] = match[2]!;
  return { text, facts };
}

describe("the manager's card for training and study time", () => {
  it.each<[string, Shift]>([
    ['a training session', entry('training', '09:00', '13:00')],
    ['study leave', entry('study_leave', '08:00', '17:00')],
  ])('releases %s with no cover needed, and asks nothing about cover', (_name, shift) => {
    const { text, facts } = cardFor([shift]);
    expect(facts.Time).toBe('Work time: in rostered training or study time. No cover is needed.');
    expect(facts['Hours released']).toBe('4 hours');
    expect(facts['Cover needed']).toBe('None');
    expect(facts['Estimated cost']).toBeUndefined();
    expect(text).not.toContain('how will the shift be covered');
  });

  it('counts cover only for the part of the visit on a shift when it also takes in training', () => {
    const { text, facts } = cardFor([entry('duty', '07:00', '11:00'), entry('training', '11:00', '13:00')]);
    expect(facts.Time).toBe('Work time: rostered to work then, so you are asked to release them.');
    expect(facts['Hours released']).toBe('4 hours');
    expect(facts['Cover needed']).toBe('2 hours');
    expect(text).toContain('To approve: how will the shift be covered?');
  });
});
