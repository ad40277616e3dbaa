import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDirectoryCsv } from '../../../../src/domain/import/parseDirectoryCsv';
import { knownEmailCheck } from '../../../../src/domain/import/parseRotaCsv';

const HEADER = 'email,name,job_title,department,profession,manager_email';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

describe('parseDirectoryCsv: a hostile ESR-style fixture (BOM, CRLF, quotes, injection, RTL, emoji)', () => {
  const text = readFileSync(join(__dirname, 'fixtures', 'directory-hostile.csv'), 'utf8');
  const result = parseDirectoryCsv(text);

  it('reads the good rows with professions in the bot’s staff groups', () => {
    expect(result.rows.map((row) => [row.line, row.email, row.profession, row.managerEmail])).toEqual([
      [2, 'dana.lead@trust.nhs.uk', 'executive', undefined],
      [3, 'ann.nurse@trust.nhs.uk', 'nursing', 'dana.lead@trust.nhs.uk'],
      [4, 'omar.ot@trust.nhs.uk', 'ahp', 'ann.nurse@trust.nhs.uk'],
      [6, 'rtl.name@trust.nhs.uk', 'admin', undefined],
    ]);
  });

  it('keeps quoted commas and apostrophes, and removes direction-changing characters but not emoji', () => {
    expect(result.rows.find((row) => row.line === 4)?.name).toBe("Omar O'Toole, OT");
    expect(result.rows.find((row) => row.line === 6)?.name).toBe('Sam evil Smith 😀');
  });

  it('refuses a name a spreadsheet would run as a formula', () => {
    expect(result.errors).toEqual([{ line: 5, reason: expect.stringContaining('name starts with "="') }]);
  });
});

describe('parseDirectoryCsv: professions', () => {
  it.each([
    ['Medical & Dental', 'medical'],
    ['Medical and Dental', 'medical'],
    ['AHP', 'ahp'],
    ['Allied Health Professionals', 'ahp'],
    ['Nursing and Midwifery Registered', 'nursing'],
    ['Midwife', 'midwifery'],
    ['Add Prof Scientific and Technic', 'healthcare_science'],
    ['healthcare_science', 'healthcare_science'],
    ['Administrative and Clerical', 'admin'],
    ['Estates and Ancillary', 'admin'],
    ['Pharmacist', 'pharmacy'],
    ['management', 'management'],
    ['Research', 'research'],
    ['EXECUTIVE', 'executive'],
  ])('%s -> %s', (text, profession) => {
    const result = parseDirectoryCsv(csv(`a@trust.nhs.uk,A Person,Role,Dept,${text},`));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.profession).toBe(profession);
  });

  it('names the allowed values for an unknown profession', () => {
    const result = parseDirectoryCsv(csv('a@trust.nhs.uk,A Person,Role,Dept,Wizardry,'));
    expect(result.errors[0]?.reason).toContain(
      'profession "Wizardry" is not known; use one of medical, nursing',
    );
  });
});

describe('parseDirectoryCsv: bad rows', () => {
  it.each([
    ['a bad email', 'not-an-email,A,R,D,nursing,', 'email "not-an-email" is not a valid email address'],
    ['an empty name', 'a@trust.nhs.uk,,R,D,nursing,', 'name is empty'],
    ['an empty department', 'a@trust.nhs.uk,A,R,,nursing,', 'department is empty'],
    [
      'a 5,000-character job title',
      `a@trust.nhs.uk,A,${'x'.repeat(5000)},D,nursing,`,
      'job_title is longer than 200 characters',
    ],
    [
      'a formula in the department',
      'a@trust.nhs.uk,A,R,"=cmd|\' /C calc\'!A0",nursing,',
      'department starts with "="',
    ],
    ['their own manager', 'a@trust.nhs.uk,A,R,D,nursing,A@trust.nhs.uk', 'listed as their own manager'],
    [
      'an unknown manager',
      'a@trust.nhs.uk,A,R,D,nursing,boss@trust.nhs.uk',
      'manager "boss@trust.nhs.uk" is not in this file or the staff directory',
    ],
    [
      'a bad manager email',
      'a@trust.nhs.uk,A,R,D,nursing,boss',
      'manager_email "boss" is not a valid email address',
    ],
  ])('%s', (_name, line, reason) => {
    const result = parseDirectoryCsv(csv(line));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, reason: expect.stringContaining(reason) }]);
  });

  it('accepts a job title left empty and a manager already in the directory', () => {
    const result = parseDirectoryCsv(csv('a@trust.nhs.uk,A,,D,nursing,Boss@Trust.nhs.uk'), {
      isKnownEmail: knownEmailCheck(['boss@trust.nhs.uk']),
    });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ jobTitle: '', managerEmail: 'boss@trust.nhs.uk' });
  });

  it('reports a repeated email on the later line and keeps the first', () => {
    const result = parseDirectoryCsv(
      csv('a@trust.nhs.uk,A,R,D,nursing,', 'A@TRUST.nhs.uk,A again,R,D,nursing,'),
    );
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors).toEqual([
      { line: 3, reason: 'email "a@trust.nhs.uk" is already listed on line 2' },
    ]);
  });

  it('reports every row of a manager loop, and rows whose manager is in it', () => {
    const result = parseDirectoryCsv(
      csv(
        'a@trust.nhs.uk,A,R,D,nursing,b@trust.nhs.uk',
        'b@trust.nhs.uk,B,R,D,nursing,c@trust.nhs.uk',
        'c@trust.nhs.uk,C,R,D,nursing,a@trust.nhs.uk',
        'd@trust.nhs.uk,D,R,D,nursing,c@trust.nhs.uk',
        'e@trust.nhs.uk,E,R,D,nursing,',
      ),
    );
    expect(result.rows.map((row) => row.email)).toEqual(['e@trust.nhs.uk']);
    expect(result.errors.map((error) => error.line)).toEqual([2, 3, 4, 5]);
    expect(result.errors[0]?.reason).toContain(
      'the manager chain loops: a@trust.nhs.uk → b@trust.nhs.uk → c@trust.nhs.uk → a@trust.nhs.uk',
    );
    expect(result.errors[3]?.reason).toContain('manager "c@trust.nhs.uk" on line 4 has errors of their own');
  });

  it('makes a row bad when its manager’s row is bad, down the whole chain', () => {
    const result = parseDirectoryCsv(
      csv(
        'boss@trust.nhs.uk,Boss,R,D,Wizardry,',
        'mid@trust.nhs.uk,Mid,R,D,nursing,boss@trust.nhs.uk',
        'low@trust.nhs.uk,Low,R,D,nursing,mid@trust.nhs.uk',
      ),
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.reason.slice(0, 40)])).toEqual([
      [2, 'profession "Wizardry" is not known; use '],
      [3, 'manager "boss@trust.nhs.uk" on line 2 ha'],
      [4, 'manager "mid@trust.nhs.uk" on line 3 has'],
    ]);
  });

  it('accepts a manager listed later in the file and a long chain', () => {
    const lines = Array.from(
      { length: 3000 },
      (_, index) =>
        `p${index}@trust.nhs.uk,P,R,D,admin,${index + 1 < 3000 ? `p${index + 1}@trust.nhs.uk` : ''}`,
    );
    const result = parseDirectoryCsv(csv(...lines));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(3000);
  });

  it('reports a wrong header on line 1', () => {
    const result = parseDirectoryCsv(
      'email,name,title,department,profession,manager_email\na@trust.nhs.uk,A,R,D,nursing,',
    );
    expect(result.errors).toEqual([{ line: 1, reason: expect.stringContaining('unknown column "title"') }]);
  });
});
