import fs from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon, encodePng } from './appPackage/drawIcons';
import { findRepoRoot } from './appPackage/findRepoRoot';

/** Draws appPackage/color.png and appPackage/outline.png. Run after changing the symbol in drawIcons.ts. */
function main(): void {
  const folder = path.join(findRepoRoot(__dirname), 'appPackage');
  fs.writeFileSync(path.join(folder, 'color.png'), encodePng(drawColorIcon()));
  fs.writeFileSync(path.join(folder, 'outline.png'), encodePng(drawOutlineIcon()));
  process.stdout.write(`Wrote color.png and outline.png in ${folder}\n`);
}

main();
