import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { fillManifest, findPlaceholders, placeholderValues } from './fillManifest';
import type { PackageSettings } from '../../src/config/packageSettings';
import { validateManifest } from './validateManifest';

export const ICON_FILES = ['color.png', 'outline.png'] as const;

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  zipPath: string;
}

/** Reads the app version from package.json (the manifest wants plain major.minor.patch). */
export function readAppVersion(root: string): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version?: string;
  };
  if (!version) throw new Error('package.json: no version');
  return version;
}

/** Fills the template from the settings and checks the result against the official schema. */
export async function buildManifest(
  root: string,
  settings: PackageSettings,
): Promise<Record<string, unknown>> {
  const template = JSON.parse(
    fs.readFileSync(path.join(root, 'appPackage', 'manifest.template.json'), 'utf8'),
  ) as unknown;
  const manifest = fillManifest(template, placeholderValues(settings, readAppVersion(root))) as Record<
    string,
    unknown
  >;
  const left = findPlaceholders(manifest);
  if (left.length > 0) throw new Error(`manifest: placeholders left unfilled: ${left.join(', ')}`);
  const problems = await validateManifest(manifest);
  if (problems.length > 0)
    throw new Error(`manifest does not match the Teams schema:\n  - ${problems.join('\n  - ')}`);
  return manifest;
}

/** Writes the zip Teams accepts: manifest.json and the two icons at its root, nothing else. */
export async function buildAppPackage(
  root: string,
  settings: PackageSettings,
  zipPath: string,
): Promise<BuiltPackage> {
  const manifest = await buildManifest(root, settings);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const icon of ICON_FILES) zip.addFile(icon, fs.readFileSync(path.join(root, 'appPackage', icon)));
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  zip.writeZip(zipPath);
  return { manifest, zipPath };
}
