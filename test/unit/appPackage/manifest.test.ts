import fs from 'node:fs';
import path from 'node:path';
import { buildManifest, readAppVersion } from '../../../scripts/appPackage/buildAppPackage';
import { fillManifest, findPlaceholders } from '../../../scripts/appPackage/fillManifest';
import { readPackageSettings } from '../../../src/config/packageSettings';
import { MANIFEST_SCHEMA_VERSION, validateManifest } from '../../../scripts/appPackage/validateManifest';
import { COMMANDS, parseCommand } from '../../../src/teams/commands';
import { PACKAGE_ENV } from './packageSettings';

const ROOT = path.resolve(__dirname, '../../..');
const settings = readPackageSettings(PACKAGE_ENV);

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: Record<string, string>;
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: Array<{ commands: Array<{ title: string }> }>;
  }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

let manifest: Manifest;

beforeAll(async () => {
  manifest = (await buildManifest(ROOT, settings)) as unknown as Manifest;
});

describe('the Teams app manifest', () => {
  it('validates against the official schema shipped in @microsoft/app-manifest', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(`v${manifest.manifestVersion}`).toBe(MANIFEST_SCHEMA_VERSION);
  });

  it('has every placeholder filled from the settings and package.json', () => {
    const template = fs.readFileSync(path.join(ROOT, 'appPackage', 'manifest.template.json'), 'utf8');
    expect(findPlaceholders(JSON.parse(template))).toEqual(
      expect.arrayContaining(['APP_VERSION', 'TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'TEAMS_PRIVACY_URL']),
    );
    expect(findPlaceholders(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(manifest.version).toBe(readAppVersion(ROOT));
    expect(manifest.id).toBe(settings.teamsAppId);
    expect(manifest.bots[0]!.botId).toBe(settings.botId);
    expect(manifest.validDomains).toEqual(['app-shadowing-abc123.azurewebsites.net']);
    expect(manifest.developer).toEqual({
      name: 'Example NHS Foundation Trust',
      websiteUrl: 'https://www.example-trust.nhs.uk/',
      privacyUrl: 'https://www.example-trust.nhs.uk/privacy',
      termsOfUseUrl: 'https://www.example-trust.nhs.uk/acceptable-use',
    });
  });

  it("names the bot's Entra ID app in webApplicationInfo, which installing the app through Graph requires", async () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: settings.botId,
      resource: `api://app-shadowing-abc123.azurewebsites.net/botid-${settings.botId}`,
    });
    expect(await validateManifest({ ...manifest, webApplicationInfo: { id: 'not-a-guid' } })).toEqual([
      expect.stringMatching(/^\/webApplicationInfo\/id must match pattern/),
    ]);
  });

  it('is a personal, conversational bot without files', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes[0]).toBe('personal');
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('lists exactly the commands the bot understands, each title as a person would type it', () => {
    const titles = manifest.bots[0]!.commandLists.flatMap((list) =>
      list.commands.map((command) => command.title),
    );
    const understood = titles.map((title) => parseCommand(title));
    expect(understood).not.toContain(undefined);
    expect([...understood].sort()).toEqual([...COMMANDS].sort());
  });

  it('is refused by the schema when a value is wrong (the check can fail)', async () => {
    expect(await validateManifest({ ...manifest, id: 'not-a-guid' })).toEqual([
      expect.stringMatching(/^\/id must match pattern/),
    ]);
    expect(await validateManifest({ ...manifest, accentColor: 'blue' })).toEqual([
      expect.stringMatching(/^\/accentColor/),
    ]);
    const { developer: _omitted, ...withoutDeveloper } = manifest;
    expect((await validateManifest(withoutDeveloper)).join('\n')).toMatch(/developer/);
  });

  it('puts values into strings, so quotes or braces in a setting cannot change the structure', () => {
    const filled = fillManifest({ name: { short: '${{NAME}}' } }, { NAME: 'A "quoted" }, { name' });
    expect(filled).toEqual({ name: { short: 'A "quoted" }, { name' } });
  });

  it('refuses a template placeholder it has no value for', () => {
    expect(() => fillManifest(['${{UNKNOWN_SETTING}}'], {})).toThrow('UNKNOWN_SETTING');
  });
});
