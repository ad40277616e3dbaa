import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs locally with no settings at all: loopback, port 3978, embedded store in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      localMode: true,
      host: '127.0.0.1',
      port: 3978,
      store: { kind: 'embedded', dataDir: path.resolve('./data') },
      demoData: 'auto',
      maxBodyBytes: 256 * 1024,
      sendRatePerSecond: 50,
    });
    expect(config.credentials).toBeUndefined();
  });

  it('refuses to start in production without bot credentials, naming the setting', () => {
    expect(problemsFor({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^MICROSOFT_APP_ID: required when NODE_ENV=production/),
    ]);
  });

  it('refuses a non-loopback HOST in local mode', () => {
    expect(problemsFor({ HOST: '0.0.0.0' })[0]).toMatch(/^HOST: must be a loopback address/);
  });

  it('listens on all interfaces by default once credentials are set', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(config).toMatchObject({
      localMode: false,
      host: '0.0.0.0',
      credentials: { appId: 'app', appType: 'SingleTenant' },
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV: must be one of development, test, production/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: must be one of/],
    [{ COSMOS_ENDPOINT: 'not a url', COSMOS_KEY: 'k' }, /^COSMOS_ENDPOINT: must be a URL/],
    [{ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }, /^ALLOWED_TENANT_IDS: must be Entra ID tenant ids/],
    [{ COSMOS_KEY: 'k' }, /^COSMOS_ENDPOINT: required when COSMOS_KEY is set/],
    [
      { MICROSOFT_APP_ID: 'app' },
      /^MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_TYPE is SingleTenant/,
    ],
    [{ MICROSOFT_APP_PASSWORD: 'secret' }, /^MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set/],
    [{ DEMO_DATA: 'yes' }, /^DEMO_DATA: must be one of auto, off/],
    [{ SCHEDULER_INTERVAL_SECONDS: '-1' }, /^SCHEDULER_INTERVAL_SECONDS: /],
    [{ MAX_BODY_KB: '1' }, /^MAX_BODY_KB: /],
    [{ SEND_RATE_PER_SECOND: '51' }, /^SEND_RATE_PER_SECOND: /],
    [{ SEND_RATE_PER_SECOND: '0' }, /^SEND_RATE_PER_SECOND: /],
  ])('names the setting that is wrong: %j', (env, expected) => {
    expect(problemsFor(env as Record<string, string>)).toContainEqual(expect.stringMatching(expected));
  });

  it('chooses Cosmos DB when an endpoint and key are set', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k' });
    expect(config.store).toEqual({
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      key: 'k',
      database: 'shadowing',
      allowSelfSignedTls: false,
    });
  });

  it('uses the managed identity for Cosmos DB when no key is set', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' });
    expect(config.store).toEqual({
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      key: undefined,
      database: 'shadowing',
      allowSelfSignedTls: false,
    });
  });

  it('reads the tenant allow-list, trimmed and in lower case; empty means every tenant', () => {
    const listed = loadConfig({
      ALLOWED_TENANT_IDS: ' 3F2A7C1E-0000-4000-8000-00000000A001 ,, 9b9b9b9b-0000-4000-8000-00000000b002 ',
    });
    expect(listed.allowedTenantIds).toEqual([
      '3f2a7c1e-0000-4000-8000-00000000a001',
      '9b9b9b9b-0000-4000-8000-00000000b002',
    ]);
    expect(loadConfig({}).allowedTenantIds).toEqual([]);
  });

  it('never allows self-signed Cosmos certificates in production', () => {
    const env = {
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: 'a',
      MICROSOFT_APP_PASSWORD: 'p',
      MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      COSMOS_ENDPOINT: 'https://x.documents.azure.com/',
      COSMOS_KEY: 'k',
      COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
    };
    expect(problemsFor(env)).toEqual([
      expect.stringMatching(/^COSMOS_ALLOW_SELF_SIGNED_TLS: may not be true/),
    ]);
  });

  it('refuses a client secret next to the managed identity, naming MICROSOFT_APP_PASSWORD', () => {
    const msi = {
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    };
    expect(loadConfig(msi).credentials).toEqual(expect.objectContaining({ appType: 'UserAssignedMSI' }));
    expect(problemsFor({ ...msi, MICROSOFT_APP_PASSWORD: 'left-over-secret' })).toEqual([
      expect.stringMatching(
        /^MICROSOFT_APP_PASSWORD: must be empty when MICROSOFT_APP_TYPE is UserAssignedMSI/,
      ),
    ]);
    expect(problemsFor({ ...msi, MICROSOFT_APP_PASSWORD: 'left-over-secret' }).join()).not.toContain(
      'left-over-secret',
    );
  });

  it.each([
    'contoso.onmicrosoft.com',
    '72f988bf-86f1-41af-91ab',
    'tenant',
    '72f988bf86f141af91ab2d7cd011db47',
  ])('refuses the malformed tenant id %s, naming MICROSOFT_APP_TENANT_ID', (tenantId) => {
    expect(
      problemsFor({
        MICROSOFT_APP_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: tenantId,
      }),
    ).toEqual([expect.stringMatching(/^MICROSOFT_APP_TENANT_ID: must be an Entra ID tenant id \(a GUID/)]);
  });

  it('reports every problem at once', () => {
    expect(problemsFor({ NODE_ENV: 'production', HOST: '10.0.0.1', COSMOS_KEY: 'k' })).toHaveLength(3);
  });

  it('checks the settings read by their own readers too, each problem naming its setting', () => {
    expect(
      problemsFor({
        DIGEST_TIME: '8am',
        GRAPH_ENABLED: 'maybe',
        AZURE_CLIENT_ID: 'shadowing-identity',
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.invalid/',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['DIGEST_TIME', 'GRAPH_ENABLED', 'AZURE_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING']);
  });

  it('gives Graph the managed identity AZURE_CLIENT_ID names, and telemetry its connection string', () => {
    const connection =
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    const config = loadConfig({
      AZURE_CLIENT_ID: '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
      APPLICATIONINSIGHTS_CONNECTION_STRING: connection,
    });
    expect(config.graph.managedIdentityClientId).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    expect(config.telemetry).toEqual({ connectionString: connection });
    expect(loadConfig({}).telemetry).toEqual({});
  });

  it('reads whose bank holidays to skip: England and Wales unless BANK_HOLIDAY_REGION says otherwise', () => {
    expect(loadConfig({}).bankHolidayRegion).toBe('england-and-wales');
    expect(loadConfig({ BANK_HOLIDAY_REGION: ' Scotland ' }).bankHolidayRegion).toBe('scotland');
    expect(loadConfig({ BANK_HOLIDAY_REGION: 'northern-ireland' }).bankHolidayRegion).toBe(
      'northern-ireland',
    );
    expect(problemsFor({ BANK_HOLIDAY_REGION: 'wales' })).toEqual([
      'BANK_HOLIDAY_REGION: must be one of england-and-wales, scotland, northern-ireland, not "wales".',
    ]);
  });
});
