import { checkOutcomeText } from '../../../../src/domain/outcomes/checkOutcomeText';
import { checkFreeText } from '../../../../src/domain/text/checkFreeText';
import { findPatientData, isValidNhsNumber } from '../../../../src/domain/text/patientData';
import { ORDINARY_TEXT, PATIENT_DATA } from '../../../support/patientDataCorpus';

describe('findPatientData', () => {
  it.each(PATIENT_DATA.map((c) => [c.name, c.text, c.kind]))('spots %s as %s', (_name, text, kind) => {
    expect(findPatientData(text)).toBe(kind);
  });

  it.each(ORDINARY_TEXT.map((c) => [c.name, c.text]))('leaves %s alone', (_name, text) => {
    expect(findPatientData(text)).toBeUndefined();
  });

  it('recognises an NHS number by its check digit, so only one in eleven ten-digit numbers looks like one', () => {
    let refused = 0;
    for (let n = 1_000_000_000; n < 1_000_011_000; n += 1) if (findPatientData(String(n))) refused += 1;
    // Of 11,000 consecutive numbers, those whose last digit is the modulus-11 check of the first nine.
    expect(refused).toBeGreaterThan(800);
    expect(refused).toBeLessThan(1100);
  });
});

describe('isValidNhsNumber', () => {
  it('applies the modulus 11 check', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765910')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });
});

describe('checkFreeText', () => {
  it.each(PATIENT_DATA.map((c) => [c.name, c.text, c.kind]))(
    'refuses %s, saying why',
    (_name, text, kind) => {
      expect(checkFreeText(`Reason: ${text}`, { label: 'your reason', max: 500 })).toEqual({
        ok: false,
        problem: `That looks like it contains ${kind}. Please never send me patient details: write it again without them.`,
        patientData: kind,
      });
    },
  );

  it('removes control and direction-override characters from what it keeps', () => {
    expect(
      checkFreeText('Not\u0000 this\u202e time\u2066, sorry\u0007', { label: 'your reason', max: 500 }),
    ).toEqual({
      ok: true,
      value: 'Not this time, sorry',
    });
  });

  it('accepts ordinary text with numbers in it', () => {
    for (const { text } of ORDINARY_TEXT)
      expect(checkFreeText(text, { label: 'your reason', max: 500 })).toEqual({
        ok: true,
        value: text.trim(),
      });
  });
});

describe('checkOutcomeText', () => {
  it.each(PATIENT_DATA.map((c) => [c.name, c.text, c.kind]))(
    'refuses %s in an outcome answer',
    (_name, text, kind) => {
      expect(checkOutcomeText('Reflection, What?', `I saw ${text}`, 2000, { required: false })).toEqual({
        ok: false,
        problem: `Reflection, What?: that looks like it contains ${kind}. Please never include patient details; describe what you learned without them. Nothing has been recorded.`,
      });
    },
  );

  it('keeps an answer without its hidden characters', () => {
    expect(
      checkOutcomeText('What changed', 'We\u202e now\u0000 meet daily', 2000, { required: true }),
    ).toEqual({
      ok: true,
      text: 'We now meet daily',
    });
  });
});
