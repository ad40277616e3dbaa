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

describe('parseDirectoryCsv: optional grade and rota_coordinator_email columns', () => {
  const WITH_BOTH = `${HEADER},grade,rota_coordinator_email`;

  it('reads a file without them as before, and says the file lacks them', () => {
    const result = parseDirectoryCsv(csv('a@trust.nhs.uk,A,R,D,nursing,'));
    expect(result.has).toEqual({ grade: false, rotaCoordinator: false });
    expect(result.rows[0]).not.toHaveProperty('grade');
    expect(result.rows[0]).not.toHaveProperty('rotaCoordinatorEmail');
  });

  it('reads either column alone, in any position and case', () => {
    const result = parseDirectoryCsv(
      [
        'Grade,email,name,job_title,department,profession,manager_email',
        'band 6,a@trust.nhs.uk,A,R,D,nursing,',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.has).toEqual({ grade: true, rotaCoordinator: false });
    expect(result.rows[0]?.grade).toBe('Band 6');
  });

  it.each([
    ['Band 5', 'nursing', 'Band 5'],
    ['band 8A', 'management', 'Band 8a'],
    ['AfC Band 8 c', 'admin', 'Band 8c'],
    ['B7', 'ahp', 'Band 7'],
    ['Band 7', 'medical', 'Band 7'],
    ['FY1', 'medical', 'FY1'],
    ['f2', 'medical', 'FY2'],
    ['Foundation Year 1', 'medical', 'FY1'],
    ['ST 4', 'medical', 'ST4'],
    ['st8', 'medical', 'ST8'],
    ['CT2', 'medical', 'CT2'],
    ['IMT3', 'medical', 'IMT3'],
    ['GP ST2', 'medical', 'GPST2'],
    ['consultant', 'medical', 'Consultant'],
    ['Speciality Doctor', 'medical', 'Specialty doctor'],
    ['SpR', 'medical', 'SpR'],
  ])('grade %s (%s) is kept as %s', (text, profession, grade) => {
    const result = parseDirectoryCsv([WITH_BOTH, `a@trust.nhs.uk,A,R,D,${profession},,${text},`].join('\n'));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.grade).toBe(grade);
  });

  it.each([
    [
      'an unknown grade',
      'a@trust.nhs.uk,A,R,D,nursing,,Wizard,',
      'grade "Wizard" is not known; use an Agenda for Change band',
    ],
    ['a band out of range', 'a@trust.nhs.uk,A,R,D,nursing,,Band 10,', 'grade "Band 10" is not known'],
    ['a training year out of range', 'a@trust.nhs.uk,A,R,D,medical,,FY3,', 'grade "FY3" is not known'],
    [
      'a doctor’s grade for a nurse',
      'a@trust.nhs.uk,A,R,D,nursing,,ST4,',
      'grade "ST4" is a doctor’s grade but the profession is nursing',
    ],
    ['a formula as grade', 'a@trust.nhs.uk,A,R,D,nursing,,=1+1,', 'grade starts with "="'],
    [
      'a long grade',
      `a@trust.nhs.uk,A,R,D,nursing,,${'x'.repeat(201)},`,
      'grade is longer than 200 characters',
    ],
    [
      'a bad coordinator email',
      'a@trust.nhs.uk,A,R,D,nursing,,,rota desk',
      'rota_coordinator_email "rota desk" is not a valid email address',
    ],
    [
      'an unknown coordinator',
      'a@trust.nhs.uk,A,R,D,nursing,,,rota@trust.nhs.uk',
      'rota coordinator "rota@trust.nhs.uk" is not in this file or the staff directory',
    ],
  ])('refuses %s on its numbered line', (_name, line, reason) => {
    const result = parseDirectoryCsv([WITH_BOTH, line].join('\n'));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, reason: expect.stringContaining(reason) }]);
  });

  it('reads a coordinator in the file (before or after), already known, or the person themselves', () => {
    const result = parseDirectoryCsv(
      [
        WITH_BOTH,
        'a@trust.nhs.uk,A,R,D,nursing,,Band 5,Rota@Trust.nhs.uk',
        'rota@trust.nhs.uk,Rota,Rota coordinator,D,admin,,Band 4,rota@trust.nhs.uk',
        'b@trust.nhs.uk,B,R,D,medical,,FY1,desk@trust.nhs.uk',
        'c@trust.nhs.uk,C,R,D,nursing,,,',
      ].join('\n'),
      { isKnownEmail: knownEmailCheck(['desk@trust.nhs.uk']) },
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.email, row.grade, row.rotaCoordinatorEmail])).toEqual([
      ['a@trust.nhs.uk', 'Band 5', 'rota@trust.nhs.uk'],
      ['rota@trust.nhs.uk', 'Band 4', 'rota@trust.nhs.uk'],
      ['b@trust.nhs.uk', 'FY1', 'desk@trust.nhs.uk'],
      ['c@trust.nhs.uk', undefined, undefined],
    ]);
    expect(result.has).toEqual({ grade: true, rotaCoordinator: true });
  });

  it('makes a row bad when its coordinator’s row is bad, for any reason, down the chain', () => {
    const result = parseDirectoryCsv(
      [
        WITH_BOTH,
        'rota@trust.nhs.uk,Rota,R,D,Wizardry,,,',
        'a@trust.nhs.uk,A,R,D,nursing,,,rota@trust.nhs.uk',
        'b@trust.nhs.uk,B,R,D,nursing,,,a@trust.nhs.uk',
        'c@trust.nhs.uk,C,R,D,nursing,nobody@trust.nhs.uk,,',
        'd@trust.nhs.uk,D,R,D,nursing,,,c@trust.nhs.uk',
        'e@trust.nhs.uk,E,R,D,nursing,,,',
      ].join('\n'),
    );
    expect(result.rows.map((row) => row.email)).toEqual(['e@trust.nhs.uk']);
    expect(result.errors.map((error) => [error.line, error.reason])).toEqual([
      [2, expect.stringContaining('profession "Wizardry" is not known')],
      [3, 'rota coordinator "rota@trust.nhs.uk" on line 2 has errors of their own'],
      [4, 'rota coordinator "a@trust.nhs.uk" on line 3 has errors of their own'],
      [5, 'manager "nobody@trust.nhs.uk" is not in this file or the staff directory'],
      [6, 'rota coordinator "c@trust.nhs.uk" on line 5 has errors of their own'],
    ]);
  });

  it('names the optional columns when the header is wrong', () => {
    const result = parseDirectoryCsv(`${HEADER},band\na@trust.nhs.uk,A,R,D,nursing,,5`);
    expect(result.errors).toEqual([
      {
        line: 1,
        reason: expect.stringContaining(
          'unknown column "band"; the header must be email,name,job_title,department,profession,manager_email (optional: grade, rota_coordinator_email)',
        ),
      },
    ]);
  });
});
