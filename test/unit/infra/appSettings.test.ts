import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { evaluateSetting, readInfraFile, readObjectVar, readParams } from './readBicep';

const ROOT = path.resolve(__dirname, '../../..');
const main = readInfraFile('main.bicep');
const settings = readObjectVar(main, 'appSettings');
const params = readParams(main);

/** Settings App Service itself reads, not the bot. */
const PLATFORM_SETTINGS = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT']);

function sourceText(folder: string): string {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => fs.readFileSync(path.join(folder, file), 'utf8'))
    .join('\n');
}

/** Stand-ins for the values Azure fills in at deployment time. */
const DEPLOYED_VALUES: Record<string, string> = {
  'identity.properties.clientId': '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  'tenant().tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  cosmosEndpoint: 'https://cosmos-shadowing-abc123.documents.azure.com:443/',
  'monitoring.outputs.connectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  'empty(allowedTenantIds) ? tenant().tenantId : allowedTenantIds': '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

/** The environment the web app gets from the Bicep with every parameter at its default. */
function deployedEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings).map(([name, expression]) => [
      name,
      evaluateSetting(expression, params, DEPLOYED_VALUES),
    ]),
  );
}

describe('the web app settings in main.bicep', () => {
  const names = Object.keys(settings);

  it('are settings the code reads and .env.example documents', () => {
    const envExample = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const code = sourceText(path.join(ROOT, 'src'));
    const unknown = names
      .filter((name) => !PLATFORM_SETTINGS.has(name))
      .filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(envExample) || !code.includes(name));
    expect(unknown).toEqual([]);
  });

  it('hold no keys or secrets: the managed identity does that work', () => {
    expect(names).not.toContain('COSMOS_KEY');
    expect(names).not.toContain('MICROSOFT_APP_PASSWORD');
    expect(names).not.toContain('COSMOS_ALLOW_SELF_SIGNED_TLS');
    expect(settings.MICROSOFT_APP_TYPE).toBe("'UserAssignedMSI'");
    expect(settings.MICROSOFT_APP_ID).toBe('identity.properties.clientId');
    expect(settings.AZURE_CLIENT_ID).toBe('identity.properties.clientId');
  });

  it('each come from a parameter with a default, from what Azure creates, or are fixed for production', () => {
    const fixed = names.filter((name) => /^'[^']*'$/.test(settings[name]!));
    expect(fixed.sort()).toEqual([
      'DEMO_DATA',
      'MICROSOFT_APP_TYPE',
      'NODE_ENV',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
    ]);
    // Throws for a parameter without a default or an expression the test does not know.
    expect(() => deployedEnvironment()).not.toThrow();
  });

  it('start the bot in production, on Cosmos DB through the managed identity, with the demo data off', () => {
    const env = deployedEnvironment();
    const config = loadConfig({ ...env, PORT: '8080' });
    expect(config.env).toBe('production');
    expect(config.localMode).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.credentials).toEqual(
      expect.objectContaining({ appType: 'UserAssignedMSI', appId: env.MICROSOFT_APP_ID }),
    );
    expect(config.store).toEqual(
      expect.objectContaining({ kind: 'cosmos', endpoint: env.COSMOS_ENDPOINT, database: 'shadowing' }),
    );
    expect(config.store).not.toHaveProperty('key', expect.anything());
    expect(config.demoData).toBe('off');
    expect(config.allowedTenantIds).toEqual([env.MICROSOFT_APP_TENANT_ID]);
    expect(config.graph.enabled).toBe(false);
    expect(config.reapproveNewTime).toBe(false);
  });

  it('switch Graph on and pass the catalogue id through when the parameters say so', () => {
    const on = params.map((p) =>
      p.name === 'graphEnabled'
        ? { ...p, defaultText: 'true' }
        : p.name === 'teamsAppCatalogId'
          ? { ...p, defaultText: "'5a0b8bd4-0000-4000-8000-000000000001'" }
          : p,
    );
    const env = Object.fromEntries(
      Object.entries(settings).map(([name, expression]) => [
        name,
        evaluateSetting(expression, on, DEPLOYED_VALUES),
      ]),
    );
    const config = loadConfig({ ...env, PORT: '8080' });
    expect(config.graph).toEqual(
      expect.objectContaining({ enabled: true, catalogAppId: '5a0b8bd4-0000-4000-8000-000000000001' }),
    );
  });
});
