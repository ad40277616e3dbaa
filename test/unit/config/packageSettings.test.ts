import { loadConfig } from '../../../src/config/config';
import {
  deriveTeamsAppId,
  PackageSettingsError,
  readPackageSettings,
} from '../../../src/config/packageSettings';
import { PACKAGE_ENV } from '../appPackage/packageSettings';

function problemsFor(env: NodeJS.ProcessEnv): string[] {
  try {
    readPackageSettings(env);
  } catch (error) {
    if (error instanceof PackageSettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('readPackageSettings', () => {
  it('reads a complete set of settings, lower-casing ids and the host name', () => {
    const settings = readPackageSettings({
      ...PACKAGE_ENV,
      BOT_DOMAIN: 'App-Shadowing-ABC123.azurewebsites.net',
    });
    expect(settings.botId).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    expect(settings.botDomain).toBe('app-shadowing-abc123.azurewebsites.net');
    expect(settings.developerName).toBe('Example NHS Foundation Trust');
  });

  it('refuses without a bot id, naming BOT_ID', () => {
    const { BOT_ID: _omitted, ...env } = PACKAGE_ENV;
    const problems = problemsFor(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BOT_ID: required/);
    expect(() => readPackageSettings(env)).toThrow(/Cannot build the Teams app package:\n {2}- BOT_ID/);
  });

  it("does not read the running bot's MICROSOFT_APP_ID, and says so when only that is set", () => {
    const { BOT_ID: botId, ...env } = PACKAGE_ENV;
    const problems = problemsFor({ ...env, MICROSOFT_APP_ID: botId });
    expect(problems).toEqual([
      expect.stringMatching(
        /^BOT_ID: required: .*MICROSOFT_APP_ID is the running bot's setting and is not read here\.$/,
      ),
    ]);
  });

  it('treats a blank bot id as missing', () => {
    expect(problemsFor({ ...PACKAGE_ENV, BOT_ID: '   ' })[0]).toMatch(/^BOT_ID: required/);
  });

  it.each([
    ['BOT_ID', 'not-a-guid', /BOT_ID: must be a GUID/],
    ['TEAMS_APP_ID', '1234', /TEAMS_APP_ID: must be a GUID/],
    [
      'BOT_DOMAIN',
      'https://app-shadowing-abc123.azurewebsites.net/api/messages',
      /BOT_DOMAIN: must be a host name only/,
    ],
    ['BOT_DOMAIN', 'localhost', /BOT_DOMAIN: must be a host name only/],
    [
      'TEAMS_PRIVACY_URL',
      'http://www.example-trust.nhs.uk/privacy',
      /TEAMS_PRIVACY_URL: must be an https:\/\/ address/,
    ],
    ['TEAMS_TERMS_URL', 'javascript:alert(1)', /TEAMS_TERMS_URL: must be an https:\/\/ address/],
    [
      'TEAMS_DEVELOPER_NAME',
      'Example Hospitals NHS Foundation Trust',
      /TEAMS_DEVELOPER_NAME: at most 32 characters/,
    ],
  ])('refuses %s=%s', (name, value, message) => {
    const problems = problemsFor({ ...PACKAGE_ENV, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lists every missing setting at once', () => {
    const problems = problemsFor({});
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'BOT_ID',
      'BOT_DOMAIN',
      'TEAMS_DEVELOPER_NAME',
      'TEAMS_DEVELOPER_WEBSITE_URL',
      'TEAMS_PRIVACY_URL',
      'TEAMS_TERMS_URL',
    ]);
  });

  it('derives a stable Teams app id from the bot id unless TEAMS_APP_ID is set', () => {
    const derived = readPackageSettings(PACKAGE_ENV).teamsAppId;
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derived).not.toBe(readPackageSettings(PACKAGE_ENV).botId);
    expect(
      readPackageSettings({ ...PACKAGE_ENV, BOT_ID: PACKAGE_ENV.BOT_ID!.toLowerCase() }).teamsAppId,
    ).toBe(derived);
    expect(deriveTeamsAppId('11111111-2222-3333-4444-555555555555')).not.toBe(derived);

    const chosen = 'A1B2C3D4-0000-4000-8000-000000000001';
    expect(readPackageSettings({ ...PACKAGE_ENV, TEAMS_APP_ID: chosen }).teamsAppId).toBe(
      chosen.toLowerCase(),
    );
  });
});

describe('the packaging settings beside the bot settings', () => {
  it('leave the bot and the admin CLI in the same shell as they were (no secret or tenant demanded)', () => {
    const config = loadConfig({ ...PACKAGE_ENV });
    expect(config.localMode).toBe(true);
    expect(config.credentials).toBeUndefined();
  });
});
