import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { buildAppPackage } from '../../../scripts/appPackage/buildAppPackage';
import { readPackageSettings } from '../../../src/config/packageSettings';
import { validateManifest } from '../../../scripts/appPackage/validateManifest';
import { PACKAGE_ENV } from './packageSettings';

const ROOT = path.resolve(__dirname, '../../..');

describe('the Teams app package zip', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('holds exactly manifest.json and the two icons, at its root', async () => {
    const zipPath = path.join(folder, 'build', 'shadowing-bot.zip');
    const built = await buildAppPackage(ROOT, readPackageSettings(PACKAGE_ENV), zipPath);

    const zip = new AdmZip(zipPath);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(zip.readAsText('manifest.json')) as unknown;
    expect(manifest).toEqual(built.manifest);
    expect(await validateManifest(manifest)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(zip.readFile(icon)?.equals(fs.readFileSync(path.join(ROOT, 'appPackage', icon)))).toBe(true);
    }
  });

  it('writes nothing when the settings are refused', () => {
    expect(() => buildAppPackage(ROOT, readPackageSettings({}), path.join(folder, 'x.zip'))).toThrow(
      /BOT_ID/,
    );
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
