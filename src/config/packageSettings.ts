import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GUID, readSettings, textSetting, type SettingsSource } from './readSettings';

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

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DEVELOPER_NAME_MAX = 32;

/** Fixed namespace for deriving the Teams app id from the bot id, so a re-package keeps the same app. */
const TEAMS_APP_ID_NAMESPACE = '617c9a66-d55e-4e41-8f6f-9bbe0661c282';

function httpsUrl(what: string) {
  return textSetting<string>((text) => {
    if (text === '') return { problem: `required: the https:// address of ${what}.` };
    let protocol: string | undefined;
    try {
      protocol = new URL(text).protocol;
    } catch {
      protocol = undefined;
    }
    return protocol === 'https:'
      ? { value: text }
      : { problem: `must be an https:// address, not "${text}".` };
  });
}

// BOT_ID, not MICROSOFT_APP_ID: exporting the running bot's setting in the shell used for packaging
// would make the admin CLI in the same shell expect a client secret and a tenant id.
const schema = z.object({
  BOT_ID: textSetting<string>((text) => {
    if (text === '')
      return { problem: "required: the bot's Microsoft App ID (the deployment's botAppId output)." };
    if (!GUID.test(text))
      return { problem: `must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${text}".` };
    return { value: text.toLowerCase() };
  }),
  BOT_DOMAIN: textSetting<string>((text) => {
    if (text === '')
      return {
        problem:
          "required: the bot's public host name (the deployment's botDomain output), e.g. app-shadowing-abc123.azurewebsites.net.",
      };
    if (!HOST_NAME.test(text))
      return { problem: `must be a host name only, without https:// or a path, not "${text}".` };
    return { value: text.toLowerCase() };
  }),
  TEAMS_APP_ID: textSetting<string>((text) => {
    if (text !== '' && !GUID.test(text)) return { problem: `must be a GUID when set, not "${text}".` };
    return { value: text.toLowerCase() };
  }),
  TEAMS_DEVELOPER_NAME: textSetting<string>((text) => {
    if (text === '')
      return {
        problem:
          'required: your organisation\'s name as Teams shows it, e.g. "Example NHS Foundation Trust".',
      };
    if (text.length > DEVELOPER_NAME_MAX)
      return { problem: `at most ${DEVELOPER_NAME_MAX} characters (Teams' limit).` };
    return { value: text };
  }),
  TEAMS_DEVELOPER_WEBSITE_URL: httpsUrl('your website or the service desk page'),
  TEAMS_PRIVACY_URL: httpsUrl('your privacy notice'),
  TEAMS_TERMS_URL: httpsUrl('your terms of use or acceptable use policy'),
});

/** Reads and checks every packaging setting; throws PackageSettingsError listing all problems at once. */
export function readPackageSettings(env: SettingsSource = process.env): PackageSettings {
  const read = readSettings(schema, env);
  if (!read.ok) throw new PackageSettingsError(read.problems.map((problem) => explainBotId(problem, env)));
  const s = read.settings;
  return {
    botId: s.BOT_ID,
    botDomain: s.BOT_DOMAIN,
    teamsAppId: s.TEAMS_APP_ID || deriveTeamsAppId(s.BOT_ID),
    developerName: s.TEAMS_DEVELOPER_NAME,
    developerWebsiteUrl: s.TEAMS_DEVELOPER_WEBSITE_URL,
    privacyUrl: s.TEAMS_PRIVACY_URL,
    termsUrl: s.TEAMS_TERMS_URL,
  };
}

/** Someone who set the bot's MICROSOFT_APP_ID instead of BOT_ID is told why it is not read here. */
function explainBotId(problem: string, env: SettingsSource): string {
  const botSettingSet = (env.MICROSOFT_APP_ID ?? '').trim() !== '';
  return problem.startsWith('BOT_ID: required') && botSettingSet
    ? `${problem} MICROSOFT_APP_ID is the running bot's setting and is not read here.`
    : problem;
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
