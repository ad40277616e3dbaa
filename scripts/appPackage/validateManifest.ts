import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/** The manifest schema version the template uses; its JSON schema ships in @microsoft/app-manifest. */
export const MANIFEST_SCHEMA_VERSION = 'v1.19';

export function manifestSchemaPath(version = MANIFEST_SCHEMA_VERSION): string {
  const packageFolder = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageFolder, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
}

/** The official Teams manifest schema, read from the package: nothing is fetched. */
export function loadManifestSchema(version = MANIFEST_SCHEMA_VERSION): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(manifestSchemaPath(version), 'utf8')) as Record<string, unknown>;
}

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * Checks a manifest with @microsoft/app-manifest's own validator against the schema it ships
 * (given explicitly, so the validator never goes to the network for it). Resolves to readable
 * problems, `/path message`, empty when the manifest is valid.
 */
export async function validateManifest(manifest: unknown, schema = loadManifestSchema()): Promise<string[]> {
  const problems = await AppManifestUtils.validateAgainstSchema(
    manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema as unknown as ManifestSchema,
  );
  return problems.map((problem) => (problem.split('. Details: ')[0] ?? problem).replace(/^ /, '/ ').trim());
}
