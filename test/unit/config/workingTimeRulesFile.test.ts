import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { loadRuleFiles } from '../../../src/config/loadRuleFiles';
import { loadWorkingTimeSettings } from '../../../src/config/loadWorkingTimeSettings';
import { DEFAULT_WORKING_TIME_SETTINGS } from '../../../src/domain/clash';

const SHIPPED = path.resolve(__dirname, '../../../config/working-time-rules.yaml');
const shipped = readFileSync(SHIPPED, 'utf8');

describe('the working-time rule-set file', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(path.join(tmpdir(), 'rules-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function fileWith(text: string, extension = 'yaml'): string {
    const file = path.join(folder, `rules-${Math.random().toString(36).slice(2)}.${extension}`);
    writeFileSync(file, text);
    return file;
  }

  async function problemsOf(file: string): Promise<string[]> {
    try {
      await loadWorkingTimeSettings(file);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected problems');
  }

  it('ships the same figures as the built-in defaults, used when no file is set', async () => {
    await expect(loadWorkingTimeSettings(SHIPPED)).resolves.toEqual(DEFAULT_WORKING_TIME_SETTINGS);
    await expect(loadWorkingTimeSettings(undefined)).resolves.toBe(DEFAULT_WORKING_TIME_SETTINGS);
    expect(loadConfig({}).workingTime).toBe(DEFAULT_WORKING_TIME_SETTINGS);
  });

  it('takes a trust’s own figures through the start-up settings', async () => {
    const file = fileWith(shipped.replace(/max_weekly_hours: 72/g, 'max_weekly_hours: 60'));
    const config = await loadRuleFiles(loadConfig({ WORKING_TIME_RULES_FILE: file }));
    expect(config.workingTime.ruleSets.agenda_for_change?.maxWeeklyHours).toBe(60);
  });

  it('names the setting, file, line and entry of a value of the wrong type', async () => {
    const file = fileWith(shipped.replace('max_weekly_hours: 72', 'max_weekly_hours: lots'));
    const line = shipped.split('\n').findIndex((l) => l.includes('max_weekly_hours: 72')) + 1;
    expect(await problemsOf(file)).toEqual([
      `WORKING_TIME_RULES_FILE: ${file}:${line}: rule_sets.agenda_for_change.max_weekly_hours: ` +
        'Expected number, received string',
    ]);
  });

  it('names the line of a file that does not parse', async () => {
    const file = fileWith('source: x\nrule_sets:\n  a: [1, 2\n');
    expect((await problemsOf(file))[0]).toMatch(new RegExp(`^WORKING_TIME_RULES_FILE: ${file}:\\d+: `));
  });

  it.each([
    [
      'a missing entry',
      shipped.replace(/^ {4}night_minimum_hours: 3\n/m, ''),
      /rule_sets\.agenda_for_change\.night_minimum_hours: Required/,
    ],
    [
      'an unknown entry',
      shipped.replace('weekly_rest_hours: 24', 'weekly_rest_hours: 24\n    max_sleep: 8'),
      /Unrecognized key/,
    ],
    [
      'a staff group pointing at no rule set',
      shipped.replace('nursing: agenda_for_change', 'nursing: nurses'),
      /staff_groups\.nursing: no rule set named "nurses"/,
    ],
    [
      'a negative limit',
      shipped.replace('rest_between_shifts_hours: 11', 'rest_between_shifts_hours: -11'),
      /rest_between_shifts_hours: Number must be greater than 0/,
    ],
    [
      'a duplicated key',
      shipped.replace('max_weekly_hours: 72', 'max_weekly_hours: 72\n    max_weekly_hours: 60'),
      /:\d+: .*[Uu]nique/,
    ],
  ])('refuses %s', async (_name, text, message) => {
    expect((await problemsOf(fileWith(text))).join('\n')).toMatch(message);
  });

  it('names a file that does not exist', async () => {
    const missing = path.join(folder, 'missing.yaml');
    expect(await problemsOf(missing)).toEqual([
      `WORKING_TIME_RULES_FILE: ${missing}: the file does not exist`,
    ]);
  });

  it('stops start-up', async () => {
    const file = fileWith(shipped.replace('max_weekly_hours: 72', 'max_weekly_hours: lots'));
    await expect(loadRuleFiles(loadConfig({ WORKING_TIME_RULES_FILE: file }))).rejects.toThrow(ConfigError);
  });
});
