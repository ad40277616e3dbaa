import { z } from 'zod';
import { GRAPH_BASE_URL } from '../graph/graphClient';
import { checkProfessionField } from '../graph/graphDirectory';
import { DEFAULT_GRAPH_SETTINGS, type GraphSettings } from '../graph/graphSettings';
import {
  flagSetting,
  GUID,
  readSettings,
  splitList,
  textSetting,
  type SettingsResult,
  type SettingsSource,
} from './readSettings';

export type GraphSettingsResult = SettingsResult<GraphSettings>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const professionField = textSetting<string>((text) => {
  const field = text || DEFAULT_GRAPH_SETTINGS.professionField;
  if (checkProfessionField(field)) return { value: field };
  return {
    problem: `must be a Graph user property such as employeeType, or property.subproperty such as onPremisesExtensionAttributes.extensionAttribute3; not "${field}".`,
  };
});

const teamIds = textSetting<string[]>((text) => {
  const ids = splitList(text);
  const wrong = ids.filter((id) => !GUID.test(id));
  if (wrong.length > 0)
    return {
      problem: `must be team ids (GUIDs) separated by commas; not ${wrong.map((id) => JSON.stringify(id)).join(', ')}.`,
    };
  return { value: [...new Set(ids.map((id) => id.toLowerCase()))] };
});

const catalogAppId = textSetting<string | undefined>((text) => {
  if (text === '') return { value: undefined };
  if (!GUID.test(text))
    return { problem: `must be the app's id in the Teams app catalogue (a GUID), not "${text}".` };
  return { value: text.toLowerCase() };
});

const clientId = textSetting<string | undefined>((text) => {
  if (text === '') return { value: undefined };
  if (!GUID.test(text))
    return { problem: `must be the managed identity's client id (a GUID), not "${text}".` };
  return { value: text.toLowerCase() };
});

/** https always; plain http only to a loopback stub, and never in production. */
function checkBaseUrl(text: string, production: boolean): { value: string } | { problem: string } {
  if (text === '') return { value: DEFAULT_GRAPH_SETTINGS.baseUrl };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `must be a URL such as ${GRAPH_BASE_URL}, not "${text}".` };
  }
  const noUser = url.username === '' && url.password === '';
  if (url.protocol === 'https:' && noUser) return { value: text.replace(/\/+$/, '') };
  if (production)
    return {
      problem: `must be an https URL without a user name when NODE_ENV=production, not "${url.origin}".`,
    };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && noUser)
    return { value: text.replace(/\/+$/, '') };
  return {
    problem: `must be an https URL (plain http only to a test stub on 127.0.0.1), not "${url.origin}".`,
  };
}

function graphSchema(production: boolean) {
  return z.object({
    GRAPH_ENABLED: flagSetting(false),
    GRAPH_PROFESSION_FIELD: professionField,
    GRAPH_SHIFTS_TEAM_IDS: teamIds,
    TEAMS_APP_CATALOG_ID: catalogAppId,
    GRAPH_BASE_URL: textSetting<string>((text) => checkBaseUrl(text, production)),
    AZURE_CLIENT_ID: clientId,
  });
}

/**
 * Reads GRAPH_ENABLED, GRAPH_PROFESSION_FIELD, GRAPH_SHIFTS_TEAM_IDS, TEAMS_APP_CATALOG_ID,
 * GRAPH_BASE_URL and AZURE_CLIENT_ID (the user-assigned managed identity Graph is called as).
 * Each is checked even while Graph is off, so a mistake shows before it matters. Every problem
 * names its setting.
 */
export function readGraphSettings(env: SettingsSource): GraphSettingsResult {
  const read = readSettings(graphSchema((env.NODE_ENV ?? '').trim() === 'production'), env);
  if (!read.ok) return read;
  const s = read.settings;
  return {
    ok: true,
    settings: {
      enabled: s.GRAPH_ENABLED,
      professionField: s.GRAPH_PROFESSION_FIELD,
      shiftsTeamIds: s.GRAPH_SHIFTS_TEAM_IDS,
      baseUrl: s.GRAPH_BASE_URL,
      ...(s.TEAMS_APP_CATALOG_ID ? { catalogAppId: s.TEAMS_APP_CATALOG_ID } : {}),
      ...(s.AZURE_CLIENT_ID ? { managedIdentityClientId: s.AZURE_CLIENT_ID } : {}),
    },
  };
}
