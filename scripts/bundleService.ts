import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { findRepoRoot } from './appPackage/findRepoRoot';
import { checkServiceFiles } from './service/checkServiceFiles';

/**
 * `npm run bundle`: what App Service runs, in release/ and as release.zip with the files at its
 * root: src compiled on its own (tsconfig.service.json: no benchmarks, tests or scripts),
 * package.json, the lockfile, .npmrc and the production dependencies. Checked before zipping.
 */
function main(): void {
  const root = findRepoRoot(__dirname);
  const release = path.join(root, 'release');
  const zipPath = path.join(root, 'release.zip');
  fs.rmSync(release, { recursive: true, force: true });
  fs.rmSync(zipPath, { force: true });
  fs.mkdirSync(release);
  run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    path.join(root, 'tsconfig.service.json'),
    '--outDir',
    path.join(release, 'dist'),
  ]);
  for (const file of ['package.json', 'package-lock.json', '.npmrc'])
    fs.copyFileSync(path.join(root, file), path.join(release, file));
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], release);

  const files = listFiles(release);
  const problems = checkServiceFiles(files);
  if (problems.length > 0) {
    process.stderr.write(`Not bundled:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  const zip = new AdmZip();
  zip.addLocalFolder(release);
  zip.writeZip(zipPath);
  process.stdout.write(`Wrote release/ and release.zip (${files.length} files) for az webapp deploy.\n`);
}

function run(command: string, args: string[], cwd?: string): void {
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function listFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

main();
