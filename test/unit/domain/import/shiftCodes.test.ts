import { defaultCodeMapping, lookUpCode, parseCodeMapping } from '../../../../src/domain/import/shiftCodes';

describe('default shift codes', () => {
  it.each([
    ['E', 'duty'],
    ['L', 'duty'],
    ['LD', 'long_day'],
    ['N', 'night'],
    ['OC', 'on_call'],
    ['AL', 'annual_leave'],
    ['SL', 'study_leave'],
    ['R', 'rest'],
    ['OFF', 'rest'],
    ['TR', 'training'],
    ['early', 'duty'],
    ['Late', 'duty'],
    ['night', 'night'],
    ['Study', 'study_leave'],
    [' long   day ', 'long_day'],
  ])('%s -> %s', (code, kind) => {
    expect(lookUpCode(defaultCodeMapping(), code)).toBe(kind);
  });

  it('does not know codes it was not given', () => {
    expect(lookUpCode(defaultCodeMapping(), 'ZZ')).toBeUndefined();
  });
});

describe('parseCodeMapping', () => {
  it('adds a trust’s codes to the defaults and lets them replace a default', () => {
    const result = parseCodeMapping('{"x7": "night", "L": "long_day"}');
    if (!result.ok) throw new Error(result.errors.join());
    expect(lookUpCode(result.mapping, 'X7')).toBe('night');
    expect(lookUpCode(result.mapping, 'L')).toBe('long_day');
    expect(lookUpCode(result.mapping, 'E')).toBe('duty');
  });

  it('accepts an object already parsed', () => {
    expect(parseCodeMapping({ TWI: 'duty' }).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"E": duty}', 'The code mapping is not valid JSON'],
    ['a list', '["E"]', 'must be a JSON object such as'],
    ['a number', '42', 'must be a JSON object such as'],
    [
      'an unknown kind',
      '{"E": "early"}',
      'Code "E" maps to "early", which is not a kind of shift; use one of: duty, night',
    ],
    ['a kind of the wrong type', '{"E": 3}', 'Code "E" maps to a number, which is not a kind of shift'],
    ['an empty code', '{" ": "duty"}', 'must be 1 to 20 characters long'],
  ])('explains %s', (_name, json, message) => {
    const result = parseCodeMapping(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });
});
