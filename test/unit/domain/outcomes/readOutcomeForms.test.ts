import {
  readFollowUpAnswer,
  readHostOutcome,
  readVisitorOutcome,
} from '../../../../src/domain/outcomes/readOutcomeForms';

const AT = new Date('2025-03-18T14:00:00Z');
const FORM = {
  objective_0: 'met',
  objective_1: 'not_met',
  knowledge: 'practical_wisdom,scientific_or_factual',
  doDifferently: '  Ask the discharge team earlier.  ',
  wouldRecommend: 'no',
  followOn: 'none',
  hours: 3.5,
};

describe('reading the after-visit forms', () => {
  it("reads a complete visitor form, in the kinds' own order, trimmed, without a reflection", () => {
    expect(readVisitorOutcome(FORM, 2, AT)).toEqual({
      ok: true,
      value: {
        ratings: ['met', 'not_met'],
        knowledge: ['scientific_or_factual', 'practical_wisdom'],
        doDifferently: 'Ask the discharge team earlier.',
        wouldRecommend: false,
        followOn: 'none',
        hours: 3.5,
        at: AT.toISOString(),
      },
    });
  });

  it.each([
    [{ objective_1: undefined }, 'Objective 2'],
    [{ objective_0: 'brilliant' }, 'Objective 1'],
    [{ knowledge: '' }, 'What you gained'],
    [{ knowledge: 'practical_wisdom,gossip' }, 'What you gained'],
    [{ doDifferently: '   ' }, 'What you will do differently: please fill this in'],
    [{ doDifferently: 'x'.repeat(1001) }, 'keep it to 1000 characters'],
    [{ doDifferently: 'Patient NHS no 943 476 5919 waited' }, 'an NHS number'],
    [{ doDifferently: 'Saw MRN: 12345678 discharged' }, 'a patient identifier'],
    [{ wouldRecommend: 'maybe' }, 'Would you recommend'],
    [{ followOn: 'lunch' }, 'Follow-up'],
    [{ hours: '0.25' }, 'Hours'],
    [{ hours: '25' }, 'Hours'],
    [{ hours: 'four' }, 'Hours'],
    [{ what: 'Saw a board round' }, 'answer all three parts'],
    [{ what: 'a', soWhat: 'b', nowWhat: 'DOB: 01/02/1950 patient' }, 'Reflection, Now what?'],
  ])('refuses %j, saying why', (change, problem) => {
    const read = readVisitorOutcome({ ...FORM, ...change }, 2, AT);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.join(' ')).toContain(problem);
  });

  it('keeps a full reflection', () => {
    const read = readVisitorOutcome({ ...FORM, what: 'A', soWhat: 'B', nowWhat: 'C' }, 2, AT);
    expect(read.ok && read.value.reflection).toEqual({ what: 'A', soWhat: 'B', nowWhat: 'C' });
  });

  it('reads the host form and the follow-up answer, refusing patient data in either', () => {
    expect(readHostOutcome({ teamGained: 'A fresh view', wouldHostAgain: 'yes' }, AT)).toEqual({
      ok: true,
      value: { teamGained: 'A fresh view', wouldHostAgain: true, at: AT.toISOString() },
    });
    expect(readHostOutcome({ teamGained: 'Patient ID: 889922', wouldHostAgain: 'yes' }, AT).ok).toBe(false);
    expect(readHostOutcome({ teamGained: 'Good', wouldHostAgain: '' }, AT).ok).toBe(false);
    expect(readFollowUpAnswer({ changed: 'not_yet' }, AT)).toEqual({
      ok: true,
      value: { changed: 'not_yet', at: AT.toISOString() },
    });
    expect(readFollowUpAnswer({ changed: 'yes', detail: '943 476 5919' }, AT).ok).toBe(false);
    expect(readFollowUpAnswer({ changed: 'perhaps' }, AT).ok).toBe(false);
  });
});
