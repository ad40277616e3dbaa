import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from '../domain/digest/digestSettings';
import { DEFAULT_GRAPH_SETTINGS, type GraphSettings } from '../graph/graphSettings';
import { readDigestSettings } from './digestSettings';
import { DEFAULT_BANK_HOLIDAY_REGION, type BankHolidayRegion } from '../domain/time/bankHolidays';
import { readBankHolidayRegion } from './bankHolidaySettings';
import { readGraphSettings } from './graphSettings';
import { readLanguageModelSettings, type LanguageModelSettings } from './languageModelSettings';
import { readTelemetrySettings, type TelemetrySettings } from './telemetrySettings';
import { DEFAULT_WORKING_TIME_SETTINGS, type WorkingTimeSettings } from '../domain/clash';
import type { CoverRates } from '../domain/cover/coverRates';
import { DEFAULT_COVER_RATES } from '../domain/cover/defaultCoverRates';
import { DEFAULT_SEND_RATE_PER_SECOND } from '../app/sending/sendRateLimiter';

/** A setting that is missing or wrong. The message names the setting and says what it needs. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An Entra ID tenant id: a GUID (13 digits at the end too, as the Agents Playground's tenant has). */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i;

const booleanText = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText.pipe(
    z
      .string()
      .regex(
        TENANT_ID,
        'must be an Entra ID tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47, not a domain name)',
      )
      .optional(),
  ),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ALLOWED_TENANT_IDS: optionalText,
  COSMOS_ENDPOINT: optionalText.pipe(z.string().url().optional()),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('shadowing'),
  COSMOS_ALLOW_SELF_SIGNED_TLS: booleanText(false),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  MAX_BODY_KB: z.coerce.number().int().min(16).max(4096).default(256),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SEND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(50).default(DEFAULT_SEND_RATE_PER_SECOND),
  REAPPROVE_NEW_TIME: booleanText(false),
  RETENTION_DAYS: z.coerce.number().int().min(0).max(36500).default(730),
  EXCHANGE_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(36500).default(2190),
  WORKING_TIME_RULES_FILE: optionalText,
  COVER_RATES_FILE: optionalText,
});

export type StoreConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'cosmos'; endpoint: string; key?: string; database: string; allowSelfSignedTls: boolean };

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

export interface Config {
  env: 'development' | 'test' | 'production';
  /** True when no bot credentials are set: anonymous requests are accepted, so loopback only. */
  localMode: boolean;
  host: string;
  port: number;
  logLevel: string;
  credentials?: BotCredentials;
  /** Entra ID tenants whose activities are served; empty: every tenant. */
  allowedTenantIds: string[];
  store: StoreConfig;
  demoData: 'auto' | 'off';
  maxBodyBytes: number;
  /** How often reminders, expiries and message delivery run; 0 switches the scheduler off. */
  schedulerIntervalMs: number;
  /** Proactive messages a second, all instances together (Teams allows about 50 per app per tenant). */
  sendRatePerSecond: number;
  /** A new time the host proposed and the visitor took goes back to the manager for approval. */
  reapproveNewTime: boolean;
  /** When the weekly digest goes out (DIGEST_WEEKDAY, DIGEST_TIME) and extra programme leads (PROGRAMME_LEAD_EMAILS). */
  digest: DigestSettings;
  /** Microsoft Graph: GRAPH_ENABLED, GRAPH_PROFESSION_FIELD, GRAPH_SHIFTS_TEAM_IDS, TEAMS_APP_CATALOG_ID, GRAPH_BASE_URL. */
  graph: GraphSettings;
  /** Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING); started by main.ts before anything else. */
  telemetry: TelemetrySettings;
  /** The optional language model (AZURE_OPENAI_*); absent: the deterministic reader only. */
  languageModel?: LanguageModelSettings;
  /** BANK_HOLIDAY_REGION: whose bank holidays working-day counts skip. */
  bankHolidayRegion: BankHolidayRegion;
  /** Days to keep closed records and the exchange log (0 = keep); Cosmos TTL in production. */
  retention: { personalDays: number; exchangeLogDays: number };
  /** A working-time rule-set file (WORKING_TIME_RULES_FILE), read at start-up by loadRuleFiles. */
  workingTimeRulesFile?: string;
  /** Working-time rule sets per staff group: the shipped defaults until loadRuleFiles reads the file. */
  workingTime: WorkingTimeSettings;
  /** An estimated backfill rates file (COVER_RATES_FILE), read at start-up by loadRuleFiles. */
  coverRatesFile?: string;
  /** Estimated backfill rates per staff group and grade: the shipped estimates until loadRuleFiles reads the file. */
  coverRates: CoverRates;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Reads and checks every setting. Throws ConfigError naming each setting that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${describeIssue(issue)}`),
    );
  }
  const s = parsed.data;
  const problems: string[] = [];

  const credentials = readCredentials(s, problems);
  const allowedTenantIds = readTenantList(s.ALLOWED_TENANT_IDS, problems);
  const localMode = credentials === undefined;
  if (localMode && s.NODE_ENV === 'production') {
    problems.push(
      'MICROSOFT_APP_ID: required when NODE_ENV=production (without bot credentials anyone could post to the bot).',
    );
  }
  if (localMode && s.HOST !== undefined && !LOOPBACK.has(s.HOST)) {
    problems.push(
      `HOST: must be a loopback address (127.0.0.1) while no bot credentials are set, not "${s.HOST}".`,
    );
  }
  if (s.COSMOS_KEY && !s.COSMOS_ENDPOINT) {
    problems.push('COSMOS_ENDPOINT: required when COSMOS_KEY is set.');
  }
  if (s.COSMOS_ALLOW_SELF_SIGNED_TLS && s.NODE_ENV === 'production') {
    problems.push('COSMOS_ALLOW_SELF_SIGNED_TLS: may not be true when NODE_ENV=production.');
  }
  const digest = readDigestSettings(env);
  if (!digest.ok) problems.push(...digest.problems);
  const graph = readGraphSettings(env);
  if (!graph.ok) problems.push(...graph.problems);
  const telemetry = readTelemetrySettings(env);
  if (!telemetry.ok) problems.push(...telemetry.problems);
  const languageModel = readLanguageModelSettings(env);
  if (!languageModel.ok) problems.push(...languageModel.problems);
  const bankHolidayRegion = readBankHolidayRegion(env);
  if (!bankHolidayRegion.ok) problems.push(...bankHolidayRegion.problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: s.NODE_ENV,
    localMode,
    host: s.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    credentials,
    allowedTenantIds,
    store: s.COSMOS_ENDPOINT
      ? {
          kind: 'cosmos',
          endpoint: s.COSMOS_ENDPOINT,
          key: s.COSMOS_KEY,
          database: s.COSMOS_DATABASE,
          allowSelfSignedTls: s.COSMOS_ALLOW_SELF_SIGNED_TLS,
        }
      : { kind: 'embedded', dataDir: path.resolve(s.DATA_DIR) },
    demoData: s.DEMO_DATA,
    maxBodyBytes: s.MAX_BODY_KB * 1024,
    schedulerIntervalMs: s.SCHEDULER_INTERVAL_SECONDS * 1000,
    sendRatePerSecond: s.SEND_RATE_PER_SECOND,
    reapproveNewTime: s.REAPPROVE_NEW_TIME,
    digest: digest.ok ? digest.settings : DEFAULT_DIGEST_SETTINGS,
    graph: graph.ok ? graph.settings : DEFAULT_GRAPH_SETTINGS,
    telemetry: telemetry.ok ? telemetry.settings : {},
    ...(languageModel.ok && languageModel.settings ? { languageModel: languageModel.settings } : {}),
    bankHolidayRegion: bankHolidayRegion.ok ? bankHolidayRegion.settings : DEFAULT_BANK_HOLIDAY_REGION,
    retention: { personalDays: s.RETENTION_DAYS, exchangeLogDays: s.EXCHANGE_LOG_RETENTION_DAYS },
    ...(s.WORKING_TIME_RULES_FILE ? { workingTimeRulesFile: s.WORKING_TIME_RULES_FILE } : {}),
    workingTime: DEFAULT_WORKING_TIME_SETTINGS,
    ...(s.COVER_RATES_FILE ? { coverRatesFile: s.COVER_RATES_FILE } : {}),
    coverRates: DEFAULT_COVER_RATES,
  };
}

function readCredentials(s: z.infer<typeof schema>, problems: string[]): BotCredentials | undefined {
  if (!s.MICROSOFT_APP_ID) {
    if (s.MICROSOFT_APP_PASSWORD)
      problems.push('MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set.');
    return undefined;
  }
  if (s.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && s.MICROSOFT_APP_PASSWORD) {
    problems.push(
      'MICROSOFT_APP_PASSWORD: must be empty when MICROSOFT_APP_TYPE is UserAssignedMSI: the managed identity signs in, and a client secret here would sit unused where it could leak. Remove it from the app settings.',
    );
  }
  if (s.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !s.MICROSOFT_APP_PASSWORD) {
    problems.push(`MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_TYPE is ${s.MICROSOFT_APP_TYPE}.`);
  }
  if (s.MICROSOFT_APP_TYPE !== 'MultiTenant' && !s.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is ${s.MICROSOFT_APP_TYPE}.`);
  }
  return {
    appId: s.MICROSOFT_APP_ID,
    appPassword: s.MICROSOFT_APP_PASSWORD,
    tenantId: s.MICROSOFT_APP_TENANT_ID,
    appType: s.MICROSOFT_APP_TYPE,
  };
}

function readTenantList(text: string | undefined, problems: string[]): string[] {
  const ids = (text ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const wrong = ids.filter((id) => !TENANT_ID.test(id));
  if (wrong.length > 0) {
    problems.push(
      `ALLOWED_TENANT_IDS: must be Entra ID tenant ids (GUIDs) separated by commas; not ${wrong.map((id) => JSON.stringify(id)).join(', ')}.`,
    );
  }
  return ids.map((id) => id.toLowerCase());
}

function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_enum_value') return `must be one of ${issue.options.join(', ')}`;
  if (issue.code === 'invalid_string' && issue.validation === 'regex') return issue.message;
  if (issue.code === 'invalid_string' && issue.validation === 'url')
    return 'must be a URL such as https://<account>.documents.azure.com:443/';
  return issue.message.toLowerCase();
}
