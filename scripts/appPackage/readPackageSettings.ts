import { createHash } from 'node:crypto';

/** What the Teams app package needs, read from the environment (and .env) at packaging time. */
export interface PackageSettings {
  botId: string;
  botDomain: string;
  teamsAppId: string;
  developerName: string;
  developerWebsiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

/** A packaging setting that is missing or wrong; the message names each setting. */
export class PackageSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams app package:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackageSettingsError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DEVELOPER_NAME_MAX = 32;

/** Fixed namespace for deriving the Teams app id from the bot id, so a re-package keeps the same app. */
const TEAMS_APP_ID_NAMESPACE = '617c9a66-d55e-4e41-8f6f-9bbe0661c282';

/** Reads and checks every packaging setting; throws PackageSettingsError listing all problems at once. */
export function readPackageSettings(env: NodeJS.ProcessEnv = process.env): PackageSettings {
  const problems: string[] = [];
  const text = (name: string): string => (env[name] ?? '').trim();

  const botId = text('MICROSOFT_APP_ID');
  if (botId === '') {
    problems.push(
      "MICROSOFT_APP_ID: required: the bot's Microsoft App ID (the deployment's botAppId output).",
    );
  } else if (!GUID.test(botId)) {
    problems.push(
      `MICROSOFT_APP_ID: must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${botId}".`,
    );
  }

  const botDomain = text('BOT_DOMAIN');
  if (botDomain === '') {
    problems.push(
      "BOT_DOMAIN: required: the bot's public host name (the deployment's botDomain output), e.g. app-shadowing-abc123.azurewebsites.net.",
    );
  } else if (!HOST_NAME.test(botDomain)) {
    problems.push(`BOT_DOMAIN: must be a host name only, without https:// or a path, not "${botDomain}".`);
  }

  const teamsAppId = text('TEAMS_APP_ID');
  if (teamsAppId !== '' && !GUID.test(teamsAppId)) {
    problems.push(`TEAMS_APP_ID: must be a GUID when set, not "${teamsAppId}".`);
  }

  const developerName = text('TEAMS_DEVELOPER_NAME');
  if (developerName === '')
    problems.push(
      'TEAMS_DEVELOPER_NAME: required: your organisation\'s name as Teams shows it, e.g. "Example NHS Foundation Trust".',
    );
  else if (developerName.length > DEVELOPER_NAME_MAX)
    problems.push(`TEAMS_DEVELOPER_NAME: at most ${DEVELOPER_NAME_MAX} characters (Teams' limit).`);

  const urls = {
    developerWebsiteUrl: readHttpsUrl(
      env,
      'TEAMS_DEVELOPER_WEBSITE_URL',
      'your website or the service desk page',
      problems,
    ),
    privacyUrl: readHttpsUrl(env, 'TEAMS_PRIVACY_URL', 'your privacy notice', problems),
    termsUrl: readHttpsUrl(env, 'TEAMS_TERMS_URL', 'your terms of use or acceptable use policy', problems),
  };

  if (problems.length > 0) throw new PackageSettingsError(problems);
  return {
    botId: botId.toLowerCase(),
    botDomain: botDomain.toLowerCase(),
    teamsAppId: (teamsAppId || deriveTeamsAppId(botId)).toLowerCase(),
    developerName,
    ...urls,
  };
}

function readHttpsUrl(env: NodeJS.ProcessEnv, name: string, what: string, problems: string[]): string {
  const value = (env[name] ?? '').trim();
  if (value === '') {
    problems.push(`${name}: required: the https:// address of ${what}.`);
    return '';
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') problems.push(`${name}: must be an https:// address, not "${value}".`);
  return value;
}

/** A name-based (version 5) UUID of the bot id: stable across packagings, distinct from the bot id itself. */
export function deriveTeamsAppId(botId: string): string {
  const namespace = Buffer.from(TEAMS_APP_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(botId.toLowerCase(), 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
