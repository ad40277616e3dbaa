import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRotaCsv, knownEmailCheck } from '../../../../src/domain/import/parseRotaCsv';
import { parseCodeMapping } from '../../../../src/domain/import/shiftCodes';

const HEADER = 'staff_email,date,start,end,code';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

describe('parseRotaCsv: good rows', () => {
  it.each([
    [
      'a winter day shift',
      'ann@trust.nhs.uk,2026-01-13,07:30,15:30,E',
      '2026-01-13T07:30:00.000Z',
      '2026-01-13T15:30:00.000Z',
    ],
    [
      'a summer day shift (BST)',
      'ann@trust.nhs.uk,2026-07-14,07:30,15:30,E',
      '2026-07-14T06:30:00.000Z',
      '2026-07-14T14:30:00.000Z',
    ],
    [
      'an overnight shift ends the next day',
      'ann@trust.nhs.uk,2026-01-13,20:00,08:00,N',
      '2026-01-13T20:00:00.000Z',
      '2026-01-14T08:00:00.000Z',
    ],
    [
      'an end equal to the start is 24 hours later',
      'ann@trust.nhs.uk,2026-01-13,09:00,09:00,OC',
      '2026-01-13T09:00:00.000Z',
      '2026-01-14T09:00:00.000Z',
    ],
    [
      'a whole day of leave',
      'ann@trust.nhs.uk,2026-01-13,,,AL',
      '2026-01-13T00:00:00.000Z',
      '2026-01-14T00:00:00.000Z',
    ],
    [
      'a whole day in summer',
      'ann@trust.nhs.uk,2026-07-14,,,OFF',
      '2026-07-13T23:00:00.000Z',
      '2026-07-14T23:00:00.000Z',
    ],
    // 29 March 2026: clocks go forward at 01:00 GMT; the day lasts 23 hours.
    [
      'the spring-forward day, whole day',
      'ann@trust.nhs.uk,2026-03-29,,,R',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ],
    [
      'a night across the spring change (11 h of work)',
      'ann@trust.nhs.uk,2026-03-28,20:00,08:00,N',
      '2026-03-28T20:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ],
    [
      'a shift starting just after the spring gap',
      'ann@trust.nhs.uk,2026-03-29,02:00,10:00,E',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T09:00:00.000Z',
    ],
    // 25 October 2026: clocks go back at 02:00 BST; the day lasts 25 hours.
    [
      'the fall-back day, whole day',
      'ann@trust.nhs.uk,2026-10-25,,,AL',
      '2026-10-24T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ],
    [
      'a night across the autumn change (13 h of work)',
      'ann@trust.nhs.uk,2026-10-24,20:00,08:00,N',
      '2026-10-24T19:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ],
    [
      'an ambiguous 01:30 takes the first (BST) occurrence',
      'ann@trust.nhs.uk,2026-10-25,01:30,09:00,E',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T09:00:00.000Z',
    ],
  ])('%s', (_name, line, start, end) => {
    const result = parseRotaCsv(csv(line));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.shift.start).toBe(start);
    expect(result.rows[0]?.shift.end).toBe(end);
  });

  it('maps codes to kinds ignoring case and keeps the code', () => {
    const result = parseRotaCsv(
      csv('ann@trust.nhs.uk,2026-01-13,08:00,20:00,ld', 'ann@trust.nhs.uk,2026-01-14,,,study'),
    );
    expect(result.rows.map((row) => [row.shift.kind, row.shift.code])).toEqual([
      ['long_day', 'LD'],
      ['study_leave', 'STUDY'],
    ]);
  });

  it('lower-cases emails and reports the file line of each row', () => {
    const result = parseRotaCsv(
      csv('Ann@Trust.NHS.uk,2026-01-13,07:30,15:30,E', '', 'bob@trust.nhs.uk,2026-01-13,07:30,15:30,L'),
    );
    expect(result.rows.map((row) => [row.email, row.line])).toEqual([
      ['ann@trust.nhs.uk', 2],
      ['bob@trust.nhs.uk', 4],
    ]);
  });

  it('accepts a byte order mark, CRLF line endings, quoted values and columns in another order', () => {
    const text =
      '\uFEFFcode,End,start,date,STAFF_EMAIL\r\n"E","15:30","07:30","2026-01-13","ann@trust.nhs.uk"\r\n\r\n';
    const result = parseRotaCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.shift).toEqual({
      start: '2026-01-13T07:30:00.000Z',
      end: '2026-01-13T15:30:00.000Z',
      kind: 'duty',
      code: 'E',
    });
  });

  it('uses a supplied code mapping', () => {
    const mapping = parseCodeMapping('{"X7": "night"}');
    if (!mapping.ok) throw new Error(mapping.errors.join());
    const result = parseRotaCsv(csv('ann@trust.nhs.uk,2026-01-13,20:00,08:00,X7'), {
      codes: mapping.mapping,
    });
    expect(result.rows[0]?.shift.kind).toBe('night');
  });
});

describe('parseRotaCsv: bad rows', () => {
  it.each([
    ['Feb 30', 'ann@trust.nhs.uk,2026-02-30,07:30,15:30,E', 'date 2026-02-30 is not a real date'],
    [
      'a date in another form',
      'ann@trust.nhs.uk,13/01/2026,07:30,15:30,E',
      'date "13/01/2026" is not in the form YYYY-MM-DD',
    ],
    ['25:00', 'ann@trust.nhs.uk,2026-01-13,25:00,08:00,N', 'start time "25:00" is not a time of day'],
    ['a missing end', 'ann@trust.nhs.uk,2026-01-13,07:30,,E', 'start is given but end is empty'],
    ['a missing start', 'ann@trust.nhs.uk,2026-01-13,,15:30,E', 'end is given but start is empty'],
    [
      'an unknown code',
      'ann@trust.nhs.uk,2026-01-13,07:30,15:30,ZZ9',
      'code "ZZ9" is not in the code mapping',
    ],
    ['an empty code', 'ann@trust.nhs.uk,2026-01-13,07:30,15:30,', 'code is empty'],
    [
      'a bad email',
      'not-an-email,2026-01-13,07:30,15:30,E',
      'staff_email "not-an-email" is not a valid email address',
    ],
    [
      'a time skipped by the clocks',
      'ann@trust.nhs.uk,2026-03-29,01:30,08:00,E',
      'start time 01:30 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00 that night. Please use a time before 01:00 or from 02:00.',
    ],
    [
      'an end skipped by the clocks',
      'ann@trust.nhs.uk,2026-03-28,22:00,01:15,N',
      'end time 01:15 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00 that night. Please use a time before 01:00 or from 02:00.',
    ],
    [
      'CSV injection in the email',
      '"=cmd|\' /C calc\'!A0",2026-01-13,07:30,15:30,E',
      'is not a valid email address',
    ],
    [
      'CSV injection in the code',
      'ann@trust.nhs.uk,2026-01-13,07:30,15:30,"=HYPERLINK(""http://x"")"',
      'code "=HYPERLINK("http://x")" is not in the code mapping',
    ],
    [
      'too few values',
      'ann@trust.nhs.uk,2026-01-13,07:30',
      'the line has 3 values but the header has 5 columns',
    ],
    ['a single value', 'ann@trust.nhs.uk', 'the line has 1 value but the header has 5 columns'],
  ])('%s', (_name, line, reason) => {
    const result = parseRotaCsv(csv(line));
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(2);
    expect(result.errors[0]?.reason).toContain(reason);
  });

  it('lists every problem of a row in one reason', () => {
    const result = parseRotaCsv(csv('nobody,2026-02-30,25:00,08:00,ZZ'));
    const reason = result.errors[0]?.reason ?? '';
    expect(reason).toContain('not a valid email address');
    expect(reason).toContain('2026-02-30 is not a real date');
    expect(reason).toContain('"25:00"');
    expect(reason).toContain('"ZZ"');
  });

  it('rejects rows for staff not in the directory, using the known-email hook', () => {
    const isKnownEmail = knownEmailCheck(['Ann@Trust.nhs.uk']);
    const result = parseRotaCsv(
      csv('ann@trust.nhs.uk,2026-01-13,07:30,15:30,E', 'zed@trust.nhs.uk,2026-01-13,07:30,15:30,E'),
      { isKnownEmail },
    );
    expect(result.rows.map((row) => row.email)).toEqual(['ann@trust.nhs.uk']);
    expect(result.errors).toEqual([
      { line: 3, reason: 'no one with email "zed@trust.nhs.uk" is in the staff directory' },
    ]);
  });

  it('reports an unknown header column on line 1 and reads no rows', () => {
    const result = parseRotaCsv(
      'staff_email,date,start,end,code,notes\nann@trust.nhs.uk,2026-01-13,07:30,15:30,E,x',
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, reason: expect.stringContaining('unknown column "notes"') }]);
  });

  it('reports a missing header column', () => {
    const result = parseRotaCsv('staff_email,date,start,end\nann@trust.nhs.uk,2026-01-13,07:30,15:30');
    expect(result.errors[0]).toEqual({ line: 1, reason: expect.stringContaining('missing column code') });
  });

  it('reports an empty file', () => {
    expect(parseRotaCsv('').errors).toEqual([{ line: 1, reason: 'the file has no header line' }]);
  });

  it('shows hostile values shortened and without direction-changing characters', () => {
    const long = 'x'.repeat(5000);
    const rtl = '\u202Eevil\u202C';
    const result = parseRotaCsv(
      csv(
        `ann@trust.nhs.uk,2026-01-13,07:30,15:30,${long}`,
        `ann@trust.nhs.uk,2026-01-13,07:30,15:30,${rtl}😀`,
      ),
    );
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]?.reason.length).toBeLessThan(120);
    expect(result.errors[1]?.reason).toContain('"evil😀"');
    expect(result.errors[1]?.reason).not.toMatch(/[\u202A-\u202E]/);
  });

  it('keeps line numbers right after a quoted value spanning lines, with CRLF endings', () => {
    const text = [
      HEADER,
      'ann@trust.nhs.uk,2026-01-13,07:30,15:30,"E',
      'X"',
      'ann@trust.nhs.uk,2026-01-13,07:30,15:30,BAD',
      '',
    ].join('\r\n');
    const result = parseRotaCsv(text);
    expect(result.errors.map((error) => error.line)).toEqual([2, 4]);
  });

  it('reports a misplaced quote on its line and goes on with the next lines', () => {
    const result = parseRotaCsv(
      csv(
        'ann@trust.nhs.uk,2026-01-13,07:30,15:30,E',
        'ann@trust.nhs.uk,2026-01-13,07"30,15:30,E',
        'ann@trust.nhs.uk,2026-01-14,07:30,15:30,E',
      ),
    );
    expect(result.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining('misplaced double quote') }]);
  });

  it('reports a quote that is never closed', () => {
    const result = parseRotaCsv(
      csv('ann@trust.nhs.uk,2026-01-13,07:30,15:30,E', '"ann@trust.nhs.uk,2026-01-13,07:30,15:30,E'),
    );
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining('never closed') }]);
  });
});

describe('parseRotaCsv: a hostile file (BOM, CRLF, blank lines, injection, emoji, RTL, 5,000-character value)', () => {
  const text = readFileSync(join(__dirname, 'fixtures', 'rota-hostile.csv'), 'utf8');
  const result = parseRotaCsv(text);

  it('reads the good rows, including nights across both clock changes', () => {
    expect(result.rows.map((row) => [row.line, row.shift.start, row.shift.end])).toEqual([
      [2, '2026-01-13T07:30:00.000Z', '2026-01-13T15:30:00.000Z'],
      [10, '2026-03-28T20:00:00.000Z', '2026-03-29T07:00:00.000Z'],
      [13, '2026-10-24T19:00:00.000Z', '2026-10-25T08:00:00.000Z'],
    ]);
  });

  it('lists every bad row with its file line', () => {
    expect(result.errors.map((error) => error.line)).toEqual([4, 5, 6, 7, 8, 9, 12]);
    const reasons = result.errors.map((error) => error.reason);
    expect(reasons[0]).toContain('is not a valid email address');
    expect(reasons[1]).toContain('date 2026-02-30 is not a real date');
    expect(reasons[2]).toContain('start time "25:00" is not a time of day');
    expect(reasons[3]).toContain('code "🌙" is not in the code mapping');
    expect(reasons[4]).toContain('staff_email "ku.shn.tsurt@nna" is not a valid email address');
    expect(reasons[5]?.length).toBeLessThan(120);
    expect(reasons[6]).toContain(
      'start time 01:30 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00 that night. Please use a time before 01:00 or from 02:00.',
    );
    for (const reason of reasons) expect(reason).not.toMatch(/[\u202A-\u202E\r\n]/);
  });
});
