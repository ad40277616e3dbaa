import fs from 'node:fs';
import path from 'node:path';
import { INFRA, readInfraFile, readParams } from './readBicep';

const main = readInfraFile('main.bicep');
const params = readParams(main);

describe('infra/main.parameters.json', () => {
  const file = JSON.parse(readInfraFile('main.parameters.json')) as {
    $schema: string;
    parameters: Record<string, { value: unknown }>;
  };

  it('is a deployment parameters file', () => {
    expect(file.$schema).toMatch(/deploymentParameters\.json#$/);
  });

  it('sets only parameters main.bicep declares, with values of the right type and in the allowed list', () => {
    for (const [name, { value }] of Object.entries(file.parameters)) {
      const param = params.find((p) => p.name === name);
      expect({ name, declared: param !== undefined }).toEqual({ name, declared: true });
      expect({ name, type: typeof value }).toEqual({
        name,
        type: { int: 'number', bool: 'boolean' }[param!.type] ?? param!.type,
      });
      if (param!.allowed) expect(param!.allowed).toContain(value);
    }
  });

  it('sets every parameter but location and tags, at its default, so a Trust changes values in one place', () => {
    const expected = params.filter((p) => !['location', 'tags'].includes(p.name)).map((p) => p.name);
    expect(Object.keys(file.parameters).sort()).toEqual([...expected].sort());
    for (const param of params.filter((p) => expected.includes(p.name))) {
      const value = file.parameters[param.name]!.value;
      const text = typeof value === 'string' ? `'${value}'` : String(value);
      expect({ name: param.name, value: text }).toEqual({ name: param.name, value: param.defaultText });
    }
  });

  it('covers every parameter that has no default', () => {
    const required = params.filter((p) => p.defaultText === undefined).map((p) => p.name);
    expect(required.filter((name) => !(name in file.parameters))).toEqual([]);
  });

  it('defaults to serverless Cosmos DB', () => {
    expect(file.parameters.cosmosCapacityMode?.value).toBe('serverless');
    expect(params.find((p) => p.name === 'cosmosCapacityMode')?.allowed).toEqual([
      'serverless',
      'provisioned',
    ]);
  });
});

describe('infra/main.bicep and its modules', () => {
  const modules = [...main.matchAll(/module \w+ '([^']+)'/g)].map((m) => m[1]!);

  it('uses modules that exist, each given only parameters it declares', () => {
    expect(modules.sort()).toEqual([
      'modules/bot.bicep',
      'modules/cosmos.bicep',
      'modules/monitoring.bicep',
      'modules/webApp.bicep',
    ]);
    for (const module of modules) {
      const declared = readParams(readInfraFile(module)).map((p) => p.name);
      const block = new RegExp(
        `module \\w+ '${module.replace(/[./]/g, '\\$&')}' = \\{[\\s\\S]*?\\n  params: \\{\\n([\\s\\S]*?)\\n  \\}\\n\\}`,
      ).exec(main);
      expect(block).not.toBeNull();
      const given = [...block![1]!.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]!);
      expect({ module, given: given.sort() }).toEqual({ module, given: [...declared].sort() });
    }
  });

  it('keeps Cosmos DB keys switched off and gives the identity the data-plane role', () => {
    const cosmos = readInfraFile('modules/cosmos.bicep');
    expect(cosmos).toContain('disableLocalAuth: true');
    expect(cosmos).toContain("minimalTlsVersion: 'Tls12'");
    expect(cosmos).toContain("name: 'EnableServerless'");
    expect(cosmos).toContain("var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'");
    expect(cosmos).toContain('sqlRoleAssignments');
    expect(main).toMatch(/dataContributorPrincipalIds: [\s\S]*identity\.properties\.principalId/);
    expect(cosmos).not.toMatch(/listKeys|primaryMasterKey/);
  });

  it('runs the web app on Linux over HTTPS only, TLS 1.2, Always On, health check on /healthz, no FTP or basic auth', () => {
    const web = readInfraFile('modules/webApp.bicep');
    for (const line of [
      'reserved: true',
      "kind: 'app,linux'",
      'httpsOnly: true',
      "minTlsVersion: '1.2'",
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      "ftpsState: 'Disabled'",
      "linuxFxVersion: 'NODE|${nodeVersion}'",
      "appCommandLine: 'node dist/src/main.js'",
    ]) {
      expect(web).toContain(line);
    }
    expect([...web.matchAll(/basicPublishingCredentialsPolicies[\s\S]*?allow: false/g)]).toHaveLength(2);
    expect(web).toMatch(/type: 'UserAssigned'/);
  });

  it('points at routes and an entry point the code has', () => {
    const server = fs.readFileSync(path.resolve(INFRA, '../src/http/createServer.ts'), 'utf8');
    expect(server).toContain("server.get('/healthz'");
    expect(server).toContain("server.post('/api/messages'");
    expect(main).toContain("endpoint: 'https://${webApp.outputs.hostName}/api/messages'");
    const packageJson = JSON.parse(fs.readFileSync(path.resolve(INFRA, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(readInfraFile('modules/webApp.bicep')).toContain("appCommandLine: 'node dist/src/main.js'");
    expect(main).toContain("param nodeVersion string = '24-lts'");
    expect(packageJson.scripts.serve).toMatch(/ dist\/src\/main\.js$/);
  });

  it('gives the bot the managed identity as its app id and switches on the Teams channel', () => {
    const bot = readInfraFile('modules/bot.bicep');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain('msaAppId: identityClientId');
    expect(bot).toContain('msaAppMSIResourceId: identityId');
    expect(bot).toContain("channelName: 'MsTeamsChannel'");
    expect(bot).toContain('isEnabled: true');
    expect(main).toContain('identityClientId: identity.properties.clientId');
  });

  it('has the optional hardening switched off by default, each wired to what it changes', () => {
    const file = JSON.parse(readInfraFile('main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    for (const name of [
      'cosmosNetworkRestricted',
      'webAppOnlyFromBotService',
      'diagnosticLogs',
      'cosmosContinuousBackup',
    ])
      expect({ name, value: file.parameters[name]?.value }).toEqual({ name, value: false });
    const web = readInfraFile('modules/webApp.bicep');
    expect(web).toContain("ipSecurityRestrictionsDefaultAction: onlyFromBotService ? 'Deny' : 'Allow'");
    expect(web).toMatch(/tag: 'ServiceTag'\s+ipAddress: 'AzureBotService'/);
    expect(web).toContain('scmIpSecurityRestrictionsUseMain: false');
    const cosmos = readInfraFile('modules/cosmos.bicep');
    expect(cosmos).toContain('ipRules: [for address in allowedIpRanges: {');
    expect(cosmos).toMatch(/backupPolicy: continuousBackup \? \{\s+type: 'Continuous'/);
    expect(cosmos).toMatch(/resource diagnostics '[^']+' = if \(diagnosticLogs\)/);
    expect(readInfraFile('modules/bot.bicep')).toMatch(
      /resource diagnostics '[^']+' = if \(diagnosticLogs\)/,
    );
    expect(main).toContain('allowedIpRanges: cosmosNetworkRestricted ? union(');
    expect(main).toContain('onlyFromBotService: webAppOnlyFromBotService');
  });

  it('outputs what npm run package needs', () => {
    expect(main).toContain('output botDomain string = webApp.outputs.hostName');
    expect(main).toContain('output botAppId string = identity.properties.clientId');
  });
});
