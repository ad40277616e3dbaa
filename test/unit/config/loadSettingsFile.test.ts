import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadSettingsFile, parseSettingsText, SettingsFileError } from '../../../src/config/loadSettingsFile';

/** A rule set such as the work-time rules will use: a name and a list of limits. */
const RULES = z
  .object({
    name: z.string().min(1, 'must not be empty'),
    rules: z.array(
      z
        .object({
          code: z.string().regex(/^[A-Z]{2,6}$/, 'must be 2 to 6 capital letters'),
          maxHours: z.number().positive('must be more than 0').max(24, 'must be at most 24'),
        })
        .strict(),
    ),
  })
  .strict();

function problemsOf(file: string, text: string): string[] {
  try {
    parseSettingsText(file, text, RULES);
  } catch (error) {
    if (error instanceof SettingsFileError) return error.problems;
    throw error;
  }
  return [];
}

const GOOD_JSON = `{
  "name": "Ward 7",
  "rules": [
    { "code": "LD", "maxHours": 12.5 },
    { "code": "N", "maxHours": 30 }
  ]
}
`;

describe('a settings file', () => {
  it('gives the checked settings of a good file, JSON or YAML', () => {
    const json = GOOD_JSON.replace('"N", "maxHours": 30', '"NI", "maxHours": 12');
    expect(parseSettingsText('rules.json', json, RULES)).toEqual({
      name: 'Ward 7',
      rules: [
        { code: 'LD', maxHours: 12.5 },
        { code: 'NI', maxHours: 12 },
      ],
    });
    const yaml = 'name: Ward 7\n# nights\nrules:\n  - code: LD\n    maxHours: 12.5\n';
    expect(parseSettingsText('rules.yaml', yaml, RULES)).toEqual({
      name: 'Ward 7',
      rules: [{ code: 'LD', maxHours: 12.5 }],
    });
  });

  it('names the file, the line and the setting of every problem at once', () => {
    expect(problemsOf('rules.json', GOOD_JSON)).toEqual([
      'rules.json:5: rules.1.code: must be 2 to 6 capital letters',
      'rules.json:5: rules.1.maxHours: must be at most 24',
    ]);
  });

  it('points a missing setting at the object that lacks it', () => {
    const text = '{\n  "name": "Ward 7",\n  "rules": [\n    { "code": "LD" }\n  ]\n}\n';
    expect(problemsOf('rules.json', text)).toEqual(['rules.json:4: rules.0.maxHours: Required']);
  });

  it('names a setting the schema does not know', () => {
    const text = 'name: Ward 7\nrules: []\nmaxHuors: 12\n';
    expect(problemsOf('rules.yml', text)).toEqual([
      "rules.yml:1: the file: Unrecognized key(s) in object: 'maxHuors'",
    ]);
  });

  it('gives the line of a JSON syntax error, and refuses YAML-only syntax in a .json file', () => {
    expect(problemsOf('rules.json', '{\n  "name": "Ward 7",\n  "rules": [,]\n}\n')).toEqual([
      expect.stringMatching(/^rules\.json:3: not valid JSON \(/),
    ]);
    expect(problemsOf('rules.json', 'name: Ward 7\nrules: []\n')).toEqual([
      expect.stringMatching(/^rules\.json:1: not valid JSON/),
    ]);
  });

  it('refuses a setting given twice, on the line of the second', () => {
    const text = '{\n  "name": "Ward 7",\n  "rules": [],\n  "name": "Ward 8"\n}\n';
    expect(problemsOf('rules.json', text)).toEqual([
      expect.stringMatching(/^rules\.json:4: Map keys must be unique/),
    ]);
  });

  it('reads a file from disk, with a byte order mark, and says when there is none', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-file-'));
    try {
      const file = path.join(folder, 'rules.json');
      await fs.writeFile(file, `\uFEFF${GOOD_JSON.replace('"N", "maxHours": 30', '"NI", "maxHours": 12')}`);
      await expect(loadSettingsFile(file, RULES)).resolves.toMatchObject({ name: 'Ward 7' });
      const missing = path.join(folder, 'missing.json');
      await expect(loadSettingsFile(missing, RULES)).rejects.toThrow(
        new SettingsFileError(missing, [`${missing}: the file does not exist`]),
      );
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
