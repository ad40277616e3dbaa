import type { PackageSettings } from '../../src/config/packageSettings';

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** Placeholder name in the template -> the value it takes. */
export function placeholderValues(settings: PackageSettings, appVersion: string): Record<string, string> {
  return {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: settings.teamsAppId,
    BOT_ID: settings.botId,
    BOT_DOMAIN: settings.botDomain,
    TEAMS_DEVELOPER_NAME: settings.developerName,
    TEAMS_DEVELOPER_WEBSITE_URL: settings.developerWebsiteUrl,
    TEAMS_PRIVACY_URL: settings.privacyUrl,
    TEAMS_TERMS_URL: settings.termsUrl,
  };
}

/**
 * Replaces every ${{NAME}} inside the template's strings. Values are put into parsed strings, never
 * into JSON text, so a value cannot change the manifest's structure. An unknown placeholder is an error.
 */
export function fillManifest(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === 'string') {
    return template.replace(PLACEHOLDER, (_match, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`manifest.template.json: no value for placeholder \${{${name}}}`);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillManifest(item, values));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([key, item]) => [key, fillManifest(item, values)]),
    );
  }
  return template;
}

/** Every ${{NAME}} still present anywhere in a value (empty once filled). */
export function findPlaceholders(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(PLACEHOLDER)].map((match) => match[1]!);
}
