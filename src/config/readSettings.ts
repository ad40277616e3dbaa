import { z } from 'zod';

/** The environment, or any other name-to-text map of settings. */
export type SettingsSource = Readonly<Record<string, string | undefined>>;

export type SettingsResult<T> = { ok: true; settings: T } | { ok: false; problems: string[] };

/**
 * Checks settings with a zod schema whose keys are the settings' names. Every problem reads
 * `NAME: what it needs`, one per wrong setting, in the schema's order.
 */
export function readSettings<S extends z.ZodTypeAny>(
  schema: S,
  source: SettingsSource,
): SettingsResult<z.infer<S>> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: parsed.error.issues.map(describeSettingIssue) };
}

/** `NAME: message`, the name being the setting the issue is about. */
export function describeSettingIssue(issue: z.ZodIssue): string {
  const name = issue.path.join('.') || 'settings';
  if (issue.code === 'invalid_enum_value') return `${name}: must be one of ${issue.options.join(', ')}`;
  return `${name}: ${issue.message}`;
}

/** Text with spaces trimmed; missing counts as empty. */
export const trimmedText = z
  .string()
  .default('')
  .transform((v) => v.trim());

/**
 * A setting read from text by `read`, which returns the value or a sentence (without the name)
 * saying what is needed. Keeps each setting's rule and message in one place.
 */
export function textSetting<T>(read: (text: string) => { value: T } | { problem: string }) {
  return trimmedText.transform((text, context): T => {
    const result = read(text);
    if ('value' in result) return result.value;
    context.addIssue({ code: z.ZodIssueCode.custom, message: result.problem });
    return z.NEVER;
  });
}

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

/** true/false (also 1/0, yes/no, any case); empty means `fallback`. */
export function flagSetting(fallback: boolean) {
  return textSetting<boolean>((text) => {
    const value = text.toLowerCase();
    if (value === '') return { value: fallback };
    if (TRUE_WORDS.includes(value)) return { value: true };
    if (FALSE_WORDS.includes(value)) return { value: false };
    return { problem: `must be true or false, not "${text}".` };
  });
}

/** A comma-separated list; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
