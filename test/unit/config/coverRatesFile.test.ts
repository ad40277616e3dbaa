import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { loadCoverRates } from '../../../src/config/loadCoverRates';
import { loadRuleFiles } from '../../../src/config/loadRuleFiles';
import { DEFAULT_COVER_RATES } from '../../../src/domain/cover/defaultCoverRates';

const SHIPPED = path.resolve(__dirname, '../../../config/cover-rates.yaml');
const shipped = readFileSync(SHIPPED, 'utf8');

describe('the cover rates file', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(path.join(tmpdir(), 'rates-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function fileWith(text: string, extension = 'yaml'): string {
    const file = path.join(folder, `rates-${Math.random().toString(36).slice(2)}.${extension}`);
    writeFileSync(file, text);
    return file;
  }

  async function problemsOf(file: string): Promise<string[]> {
    try {
      await loadCoverRates(file);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected problems');
  }

  it('ships the same figures as the built-in estimates, used when no file is set', async () => {
    await expect(loadCoverRates(SHIPPED)).resolves.toEqual(DEFAULT_COVER_RATES);
    await expect(loadCoverRates(undefined)).resolves.toBe(DEFAULT_COVER_RATES);
    expect(loadConfig({}).coverRates).toBe(DEFAULT_COVER_RATES);
  });

  it('says what the figures are based on, for which year, and that they are estimates', () => {
    expect(DEFAULT_COVER_RATES.year).toBe('2026/27');
    expect(DEFAULT_COVER_RATES.source).toMatch(/^Estimates from the England pay scales/);
    expect(shipped).toMatch(/ESTIMATES ONLY/);
    expect(shipped).toMatch(/agency price cap/);
  });

  it('has agency or locum rates above bank rates, and higher bands costing more', () => {
    for (const table of Object.values(DEFAULT_COVER_RATES.tables)) {
      for (const grade of table.grades) expect(grade.agency).toBeGreaterThan(grade.bank);
      const bank = table.grades.map((g) => g.bank);
      expect([...bank].sort((a, b) => a - b)).toEqual(bank);
    }
  });

  it('takes a trust’s own rate card and rota coordinators through the start-up settings', async () => {
    const file = fileWith(
      shipped
        .replace('{ grade: Band 5, also: [], bank: 24.58', '{ grade: Band 5, also: [], bank: 31.5')
        .replace('rota_coordinators: {}', 'rota_coordinators:\n  Acute Medicine: rota.acute@example.nhs.uk'),
    );
    const config = await loadRuleFiles(loadConfig({ COVER_RATES_FILE: file }));
    expect(config.coverRates.tables.agenda_for_change?.grades.find((g) => g.grade === 'Band 5')?.bank).toBe(
      31.5,
    );
    expect(config.coverRates.rotaCoordinators).toEqual({ 'Acute Medicine': 'rota.acute@example.nhs.uk' });
  });

  it('names the setting, file, line and entry of a value of the wrong type', async () => {
    const file = fileWith(shipped.replace('bank: 24.58', 'bank: cheap'));
    const line = shipped.split('\n').findIndex((l) => l.includes('bank: 24.58')) + 1;
    expect(await problemsOf(file)).toEqual([
      `COVER_RATES_FILE: ${file}:${line}: tables.agenda_for_change.grades.3.bank: Expected number, received string`,
    ]);
  });

  it.each([
    ['a file that does not parse', 'source: x\ntables:\n  a: [1, 2\n', /:\d+: /],
    [
      'a missing staff group',
      shipped.replace(/^ {2}midwifery: .*\n/m, ''),
      /staff_groups\.midwifery: Required/,
    ],
    [
      'a staff group pointing at no table',
      shipped.replace('nursing: { table: agenda_for_change', 'nursing: { table: nurses'),
      /staff_groups\.nursing\.table: no table named "nurses"/,
    ],
    [
      'a usual grade the table does not have',
      shipped.replace('default_grade: FY2', 'default_grade: FY9'),
      /staff_groups\.medical\.default_grade: no grade "FY9" in the table "medical"/,
    ],
    [
      'a negative rate',
      shipped.replace('agency: 27.21', 'agency: -27.21'),
      /agency: Number must be greater than 0/,
    ],
    [
      'a grade written twice',
      shipped.replace('also: [F1]', 'also: [F1, fy 2]'),
      /tables\.medical\.grades\.1\.grade: "FY2" is listed twice/,
    ],
    [
      'a coordinator that is not an email address',
      shipped.replace('rota_coordinators: {}', 'rota_coordinators:\n  Ward 7: Sam on the ward'),
      /rota_coordinators\.Ward 7: must be an email address/,
    ],
    [
      'an unknown entry',
      shipped.replace('year: 2026/27', 'year: 2026/27\ncurrency: EUR'),
      /Unrecognized key/,
    ],
  ])('refuses %s, naming the setting and line', async (_name, text, message) => {
    const file = fileWith(text);
    const problems = await problemsOf(file);
    expect(problems.join('\n')).toMatch(message);
    for (const problem of problems) expect(problem).toMatch(new RegExp(`^COVER_RATES_FILE: ${file}:\\d+: `));
  });

  it('names a file that does not exist, and stops start-up', async () => {
    const missing = path.join(folder, 'missing.yaml');
    expect(await problemsOf(missing)).toEqual([`COVER_RATES_FILE: ${missing}: the file does not exist`]);
    await expect(loadRuleFiles(loadConfig({ COVER_RATES_FILE: missing }))).rejects.toThrow(ConfigError);
  });
});
