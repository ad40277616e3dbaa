import { z } from 'zod';
import { readSettings, textSetting, type SettingsResult, type SettingsSource } from './readSettings';

/** Application Insights; off without a connection string. */
export interface TelemetrySettings {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING */
  connectionString?: string;
}

const INSTRUMENTATION_KEY =
  /(^|;)\s*InstrumentationKey=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*(;|$)/i;

const schema = z.object({
  APPLICATIONINSIGHTS_CONNECTION_STRING: textSetting<string | undefined>((text) => {
    if (text === '') return { value: undefined };
    if (INSTRUMENTATION_KEY.test(text)) return { value: text };
    return {
      problem:
        'must be the Application Insights connection string (InstrumentationKey=<GUID>;IngestionEndpoint=...), as the resource shows it, or empty to send no telemetry.',
    };
  }),
});

/**
 * Reads APPLICATIONINSIGHTS_CONNECTION_STRING. Read on its own as well as in loadConfig, because
 * telemetry starts before anything else is loaded; the value is never repeated in a message.
 */
export function readTelemetrySettings(env: SettingsSource): SettingsResult<TelemetrySettings> {
  const read = readSettings(schema, env);
  if (!read.ok) return read;
  const connectionString = read.settings.APPLICATIONINSIGHTS_CONNECTION_STRING;
  return { ok: true, settings: connectionString ? { connectionString } : {} };
}
