import { z } from 'zod';
import { readSettings, trimmedText, type SettingsSource } from './readSettings';

const schema = z.object({ DEBUG: trimmedText });

/** DEBUG: any value (e.g. DEBUG=1) makes the admin CLI log its store at debug level and print stack traces. */
export function readCliDebug(env: SettingsSource): boolean {
  const read = readSettings(schema, env);
  return read.ok && read.settings.DEBUG !== '';
}
