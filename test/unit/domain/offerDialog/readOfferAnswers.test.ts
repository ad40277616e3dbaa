import {
  readCapacityPair,
  readCount,
  readNone,
  readOfferSetting,
  readOpenTo,
  readProfession,
  readYesNo,
} from '../../../../src/domain/offerDialog/readOfferChoices';
import { readSessions } from '../../../../src/domain/offerDialog/readSessions';

describe('readSessions', () => {
  it.each([
    [
      'Tuesday mornings and Thursday afternoons',
      [
        ['tue', 'am'],
        ['thu', 'pm'],
      ],
    ],
    [
      'Tue and Thu am',
      [
        ['tue', 'am'],
        ['thu', 'am'],
      ],
    ],
    [
      'tues, weds & thurs mornings',
      [
        ['tue', 'am'],
        ['wed', 'am'],
        ['thu', 'am'],
      ],
    ],
    [
      'Monday morning and afternoon',
      [
        ['mon', 'am'],
        ['mon', 'pm'],
      ],
    ],
    [
      'mornings on Monday and Wednesday, afternoons on Friday',
      [
        ['mon', 'am'],
        ['wed', 'am'],
        ['fri', 'pm'],
      ],
    ],
    [
      'weekday mornings',
      [
        ['mon', 'am'],
        ['tue', 'am'],
        ['wed', 'am'],
        ['thu', 'am'],
        ['fri', 'am'],
      ],
    ],
    [
      'Mon-Fri full day',
      [
        ['mon', 'full_day'],
        ['tue', 'full_day'],
        ['wed', 'full_day'],
        ['thu', 'full_day'],
        ['fri', 'full_day'],
      ],
    ],
    ['Friday all day', [['fri', 'full_day']]],
    ['Saturday a.m.', [['sat', 'am']]],
    ['Tuesday mornings, Tuesday mornings again', [['tue', 'am']]],
  ])('reads "%s"', (text, expected) => {
    expect(readSessions(text)).toEqual({ sessions: expected.map(([weekday, part]) => ({ weekday, part })) });
  });

  it.each([
    ['Tuesdays', /Which part of the day for Tuesday/],
    ['Tuesday morning and Friday', /Which part of the day for Friday/],
    ['mornings', /Which days for the mornings/],
    ['whenever', /could not find any days/],
    ['', /could not find any days/],
  ])('refuses "%s" saying what is missing', (text, problem) => {
    expect(readSessions(text)).toEqual({ problem: expect.stringMatching(problem) });
  });
});

describe('readOfferSetting', () => {
  it.each([
    ['clinic', 'outpatient_clinic'],
    ['Outpatient clinic', 'outpatient_clinic'],
    ['A&E', 'emergency_department'],
    ['a and e', 'emergency_department'],
    ['ED', 'emergency_department'],
    ['ITU', 'critical_care'],
    ['the ICU ward', 'critical_care'],
    ['board meeting', 'board_or_policy_meeting'],
    ['GP practice', 'community'],
    ['pathology lab', 'laboratory'],
    ['emergency_department', 'emergency_department'],
    ['theatres', 'theatre'],
  ])('maps "%s" to %s', (text, setting) => {
    expect(readOfferSetting(text)).toEqual({ setting });
  });

  it('does not read "bed" or "need" as the emergency department', () => {
    expect(readOfferSetting('I need a bed')).toEqual({ problem: expect.stringMatching(/did not recognise/) });
  });
});

describe('staff groups', () => {
  it.each([
    ['doctor', 'medical'],
    ['Physiotherapist', 'ahp'],
    ['healthcare_science', 'healthcare_science'],
    ['midwife', 'midwifery'],
  ])('reads the host group "%s" as %s', (text, profession) => {
    expect(readProfession(text)).toEqual({ profession });
  });

  it.each([
    ['nurses and AHPs', ['nursing', 'ahp']],
    ['anyone', []],
    ['Everyone.', []],
    ['clinical staff', ['medical', 'nursing', 'midwifery', 'ahp', 'healthcare_science', 'pharmacy']],
    ['non-clinical staff', ['management', 'admin', 'research', 'executive']],
    ['FY1s, pharmacists and managers', ['medical', 'pharmacy', 'management']],
  ])('reads who may visit from "%s"', (text, openTo) => {
    expect(readOpenTo(text)).toEqual({ openTo });
  });
});

describe('numbers and short answers', () => {
  it.each([
    ['2', 2],
    ['two', 2],
    ['3 visitors a week', 3],
    ['up to 4', 4],
    ['lots', undefined],
    ['2.5', undefined],
  ])('reads the count "%s" as %s', (text, count) => {
    expect(readCount(text)).toBe(count);
  });

  it('reads a week and month pair, and nothing from a single figure', () => {
    expect(readCapacityPair('2 visitors a week, 6 per month')).toEqual({ perWeek: 2, perMonth: 6 });
    expect(readCapacityPair('2 a week')).toBeUndefined();
  });

  it.each([
    ['none', true],
    ['N/A', true],
    ['Nothing.', true],
    ['Bring your badge', false],
  ])('reads "%s" as none: %s', (text, none) => {
    expect(readNone(text)).toBe(none);
  });

  it.each([
    ['Yes, I will arrange the induction', true],
    ['no problem', true],
    ['ok', true],
    ['I will not', false],
    ['no', false],
    ['perhaps', undefined],
  ])('reads "%s" as %s', (text, answer) => {
    expect(readYesNo(text)).toBe(answer);
  });
});
