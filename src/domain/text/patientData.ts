/**
 * Spots text that looks like patient data, so it can be refused before it is stored: an NHS
 * number (10 digits, optionally spaced 3-3-4, passing the modulus 11 check), or a hospital
 * number / date-of-birth pattern next to words such as "patient", "MRN" or "DOB".
 */
export function findPatientIdentifier(text: string): string | undefined {
  for (const match of text.matchAll(/(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g)) {
    const digits = `${match[1]}${match[2]}${match[3]}`;
    if (isValidNhsNumber(digits)) return 'an NHS number';
  }
  if (
    /\b(mrn|hospital (number|no)|patient (id|number|no)|dob|date of birth)\b[^a-z]{0,3}[a-z]{0,3}\s*[:#]?\s*\d/i.test(
      text,
    )
  ) {
    return 'a patient identifier';
  }
  return undefined;
}

export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function patientDataRefusal(kind: string): string {
  return `That looks like it contains ${kind}. Please never send me patient details: describe what you want to learn without them.`;
}
