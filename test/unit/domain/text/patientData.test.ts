import { findPatientIdentifier, isValidNhsNumber } from '../../../../src/domain/text/patientData';

describe('findPatientIdentifier', () => {
  it.each([
    ['943 476 5919', 'an NHS number'],
    ['patient 9434765919 on bay 3', 'an NHS number'],
    ['943-476-5919', 'an NHS number'],
    ['MRN: 12345678', 'a patient identifier'],
    ['DOB 01/02/1950', 'a patient identifier'],
    ['hospital number 556677', 'a patient identifier'],
  ])('spots %j as %s', (text, kind) => {
    expect(findPatientIdentifier(text)).toBe(kind);
  });

  it.each([
    'Call me on 07700 900123',
    '943 476 5918',
    '0000000000',
    'See how 10 patients are discharged by 12:00 on 3 March',
    'Learn about the 2026 flow programme',
  ])('leaves %j alone', (text) => {
    expect(findPatientIdentifier(text)).toBeUndefined();
  });
});

describe('isValidNhsNumber', () => {
  it('applies the modulus 11 check', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765910')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });
});
