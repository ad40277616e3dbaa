import { GRAPH_BASE_URL } from './graphClient';
import { checkProfessionField } from './graphDirectory';

/** How the bot uses Microsoft Graph. Off unless GRAPH_ENABLED is true. */
export interface GraphSettings {
  /** GRAPH_ENABLED: directory and Shifts sync, and installing the app for people it cannot reach. */
  enabled: boolean;
  /** GRAPH_PROFESSION_FIELD: the user property (or property.subproperty) holding the staff group. */
  professionField: string;
  /** GRAPH_SHIFTS_TEAM_IDS: the teams whose Shifts schedules feed the rota. */
  shiftsTeamIds: readonly string[];
  /** TEAMS_APP_CATALOG_ID: the app's id in the organisation's app catalogue; without it the app is never installed for anyone. */
  catalogAppId?: string;
  /** GRAPH_BASE_URL: Microsoft Graph v1.0, or a stub in tests. */
  baseUrl: string;
}

export const DEFAULT_GRAPH_SETTINGS: GraphSettings = {
  enabled: false,
  professionField: 'employeeType',
  shiftsTeamIds: [],
  baseUrl: GRAPH_BASE_URL,
};

export type GraphSettingsResult = { ok: true; settings: GraphSettings } | { ok: false; problems: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no', ''];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Reads GRAPH_ENABLED, GRAPH_PROFESSION_FIELD, GRAPH_SHIFTS_TEAM_IDS, TEAMS_APP_CATALOG_ID and
 * GRAPH_BASE_URL. Each is checked even while Graph is off, so a mistake shows before it matters.
 * Every problem names its setting.
 */
export function readGraphSettings(env: Readonly<Record<string, string | undefined>>): GraphSettingsResult {
  const problems: string[] = [];
  const enabled = readEnabled(env.GRAPH_ENABLED, problems);
  const professionField = (env.GRAPH_PROFESSION_FIELD ?? '').trim() || DEFAULT_GRAPH_SETTINGS.professionField;
  if (!checkProfessionField(professionField)) {
    problems.push(
      `GRAPH_PROFESSION_FIELD: must be a Graph user property such as employeeType, or property.subproperty such as onPremisesExtensionAttributes.extensionAttribute3; not "${professionField}".`,
    );
  }
  const shiftsTeamIds = readTeamIds(env.GRAPH_SHIFTS_TEAM_IDS, problems);
  const catalogAppId = readCatalogAppId(env.TEAMS_APP_CATALOG_ID, problems);
  const baseUrl = readBaseUrl(env.GRAPH_BASE_URL, (env.NODE_ENV ?? '').trim() === 'production', problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: { enabled, professionField, shiftsTeamIds, baseUrl, ...(catalogAppId ? { catalogAppId } : {}) },
  };
}

function readEnabled(text: string | undefined, problems: string[]): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (TRUE_WORDS.includes(value)) return true;
  if (!FALSE_WORDS.includes(value)) problems.push(`GRAPH_ENABLED: must be true or false, not "${value}".`);
  return false;
}

function readTeamIds(text: string | undefined, problems: string[]): string[] {
  const ids = (text ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const wrong = ids.filter((id) => !GUID.test(id));
  if (wrong.length > 0) {
    problems.push(
      `GRAPH_SHIFTS_TEAM_IDS: must be team ids (GUIDs) separated by commas; not ${wrong.map((id) => JSON.stringify(id)).join(', ')}.`,
    );
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function readCatalogAppId(text: string | undefined, problems: string[]): string | undefined {
  const id = (text ?? '').trim();
  if (id === '') return undefined;
  if (!GUID.test(id))
    problems.push(
      `TEAMS_APP_CATALOG_ID: must be the app's id in the Teams app catalogue (a GUID), not "${id}".`,
    );
  return id.toLowerCase();
}

/** https always; plain http only to a loopback stub, and never in production. */
function readBaseUrl(text: string | undefined, production: boolean, problems: string[]): string {
  const value = (text ?? '').trim();
  if (value === '') return DEFAULT_GRAPH_SETTINGS.baseUrl;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`GRAPH_BASE_URL: must be a URL such as ${GRAPH_BASE_URL}, not "${value}".`);
    return DEFAULT_GRAPH_SETTINGS.baseUrl;
  }
  if (url.protocol === 'https:' && url.username === '' && url.password === '')
    return value.replace(/\/+$/, '');
  if (production)
    problems.push(
      `GRAPH_BASE_URL: must be an https URL without a user name when NODE_ENV=production, not "${url.origin}".`,
    );
  else if (
    url.protocol !== 'http:' ||
    !LOOPBACK_HOSTS.has(url.hostname) ||
    url.username !== '' ||
    url.password !== ''
  ) {
    problems.push(
      `GRAPH_BASE_URL: must be an https URL (plain http only to a test stub on 127.0.0.1), not "${url.origin}".`,
    );
  }
  return value.replace(/\/+$/, '');
}
