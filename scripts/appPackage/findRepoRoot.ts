import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder (package.json next to appPackage/), found by walking up, so the scripts work
 * both from scripts/ under ts-jest and from dist/scripts/ once built.
 */
export function findRepoRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(folder, 'package.json')) && fs.existsSync(path.join(folder, 'appPackage')))
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`No project folder (package.json and appPackage/) above ${start}`);
    folder = parent;
  }
}
