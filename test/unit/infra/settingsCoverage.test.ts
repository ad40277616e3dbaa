import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { readInfraFile, readObjectVar } from './readBicep';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Settings the service reads that are deliberately not set in Azure, each with the reason. A new
 * setting must be added either to the Bicep (a parameter with a default and an app setting) or
 * here; until then this test fails.
 */
export const LOCAL_ONLY: Readonly<Record<string, string>> = {
  PORT: 'App Service sets PORT for the app itself.',
  HOST: 'With bot credentials the service listens on 0.0.0.0, which App Service needs.',
  MICROSOFT_APP_PASSWORD: 'The deployed bot signs in with its managed identity: no client secret anywhere.',
  COSMOS_KEY: 'Cosmos DB keys are switched off in Azure; the managed identity signs in.',
  COSMOS_ALLOW_SELF_SIGNED_TLS: 'Only for a local Cosmos DB emulator; refused in production.',
  DATA_DIR: 'The embedded store is for local use; Azure uses Cosmos DB.',
  GRAPH_BASE_URL: 'Points Graph calls at a test stub; in Azure the default, Microsoft Graph, is right.',
  AZURE_OPENAI_API_KEY:
    'A key for a local run against Azure OpenAI; in Azure the managed identity signs in (role Cognitive Services OpenAI User), so no key is deployed.',
  DEBUG: "Verbose output of the admin CLI, which runs on an operator's computer.",
  BOT_ID:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  BOT_DOMAIN:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  TEAMS_APP_ID:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  TEAMS_DEVELOPER_NAME:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  TEAMS_DEVELOPER_WEBSITE_URL:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  TEAMS_PRIVACY_URL:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
  TEAMS_TERMS_URL:
    "Read by `npm run package` on an operator's computer to build the Teams app zip, not by the service.",
};

const SETTING_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Every setting name a loader asks its environment for, recorded as it reads. */
export function settingsReadBy(load: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, key) {
      if (typeof key === 'string' && SETTING_NAME.test(key)) read.add(key);
      return undefined;
    },
  });
  load(env);
  return [...read].sort();
}

/**
 * Settings read as `env.NAME`, `env['NAME']` or `process.env.NAME` anywhere in the service's code,
 * and every key of a settings schema in src/config (`NAME: ...`), including those of readers
 * loadConfig does not call (the admin CLI's, the app package's).
 */
function settingsNamedInCode(folder: string): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const match of text.matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]*)\b/g)) names.add(match[1]!);
    if (file.startsWith(`config${path.sep}`))
      for (const match of text.matchAll(/(?:^\s+|[{,] )([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*): /gm))
        names.add(match[1]!);
  }
  return [...names].sort();
}

/** Names neither set by the Bicep nor listed as local-only. */
export function uncoveredSettings(
  names: readonly string[],
  bicepSettings: readonly string[],
  localOnly: Readonly<Record<string, string>>,
): string[] {
  return names.filter((name) => !bicepSettings.includes(name) && !(name in localOnly));
}

describe('every setting the service reads is set by the Bicep or listed as local-only with a reason', () => {
  const bicepSettings = Object.keys(readObjectVar(readInfraFile('main.bicep'), 'appSettings'));
  const read = [
    ...new Set([
      ...settingsReadBy((env) => {
        try {
          loadConfig(env);
        } catch {
          // Only the names read matter here.
        }
      }),
      ...settingsNamedInCode(path.join(ROOT, 'src')),
    ]),
  ].sort();

  it('finds the settings src/config reads, including those read by helpers it calls', () => {
    expect(read).toEqual(
      expect.arrayContaining(['COSMOS_ENDPOINT', 'GRAPH_ENABLED', 'TEAMS_APP_CATALOG_ID', 'DIGEST_TIME']),
    );
  });

  it('covers them all: a setting added later fails here until it is a Bicep parameter or local-only', () => {
    expect(uncoveredSettings(read, bicepSettings, LOCAL_ONLY)).toEqual([]);
  });

  it('would catch a new setting nobody put in the Bicep', () => {
    const withNew = settingsReadBy((env) => [env.COSMOS_ENDPOINT, env.RULE_SET_FILE]);
    expect(uncoveredSettings(withNew, bicepSettings, LOCAL_ONLY)).toEqual(['RULE_SET_FILE']);
  });

  it('lists as local-only only settings the code reads and the Bicep does not set, each with a reason', () => {
    for (const [name, reason] of Object.entries(LOCAL_ONLY)) {
      expect({ name, read: read.includes(name), inBicep: bicepSettings.includes(name) }).toEqual({
        name,
        read: true,
        inBicep: false,
      });
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('documents each of them in .env.example', () => {
    const envExample = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const missing = read.filter(
      (name) => name !== 'DEBUG' && !new RegExp(`^#? ?${name}=`, 'm').test(envExample),
    );
    expect(missing).toEqual([]);
  });
});

describe("the README's configuration table", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);

  it('names every setting the service reads at start-up', () => {
    const read = settingsReadBy((env) => {
      try {
        loadConfig(env);
      } catch {
        // Only the names read matter here.
      }
    });
    expect(read.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('gives SEND_RATE_PER_SECOND the default the service and the Bicep use', () => {
    const row = /^\| `SEND_RATE_PER_SECOND` \| `(\d+)` \|/m.exec(readme);
    const param = /^param sendRatePerSecond int = (\d+)$/m.exec(readInfraFile('main.bicep'));
    expect(Number(row?.[1])).toBe(loadConfig({}).sendRatePerSecond);
    expect(Number(param?.[1])).toBe(loadConfig({}).sendRatePerSecond);
  });
});
