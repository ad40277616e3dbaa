import path from 'node:path';
import dotenv from 'dotenv';
import { buildAppPackage } from './appPackage/buildAppPackage';
import { findRepoRoot } from './appPackage/findRepoRoot';
import { PackageSettingsError, readPackageSettings } from '../src/config/packageSettings';

/**
 * `npm run package [-- --env-file <file>]`: fills appPackage/manifest.template.json from the settings
 * (environment, then .env or the file named), checks it against the Teams schema and writes appPackage/build/shadowing-bot.zip.
 */
async function main(): Promise<void> {
  const root = findRepoRoot(__dirname);
  // --env-file <file> reads the settings from that file instead of .env; the environment wins either way.
  const envFileAt = process.argv.indexOf('--env-file');
  const envFile = envFileAt > 0 ? process.argv[envFileAt + 1] : undefined;
  dotenv.config({ path: envFile ? path.resolve(envFile) : path.join(root, '.env') });
  try {
    const settings = readPackageSettings(process.env);
    const built = await buildAppPackage(
      root,
      settings,
      path.join(root, 'appPackage', 'build', 'shadowing-bot.zip'),
    );
    process.stdout.write(
      `Wrote ${path.relative(root, built.zipPath)} (Teams app id ${settings.teamsAppId}, version ${String(built.manifest.version)}, bot ${settings.botId}).\n`,
    );
  } catch (error) {
    if (error instanceof PackageSettingsError) {
      process.stderr.write(
        `${error.message}\nSet them in the environment or in .env (see infra/README.md, step 9).\n`,
      );
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main();
