import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The manifest schema version the template uses; its JSON schema ships in @microsoft/app-manifest. */
export const MANIFEST_SCHEMA_VERSION = 'v1.19';

export function manifestSchemaPath(version = MANIFEST_SCHEMA_VERSION): string {
  const packageFolder = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageFolder, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
}

/** The official Teams manifest schema, read offline. Its draft-04 dialect needs ajv's draft-04 build. */
export function loadManifestSchema(version = MANIFEST_SCHEMA_VERSION): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(manifestSchemaPath(version), 'utf8')) as Record<string, unknown>;
}

/** Checks a manifest against the schema; resolves to readable problems, empty when it is valid. */
export function validateManifest(manifest: unknown, schema = loadManifestSchema()): string[] {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`,
  );
}
