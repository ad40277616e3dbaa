import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import dotenv from 'dotenv';
import { parse } from 'yaml';
import { readPackageSettings } from '../../../src/config/packageSettings';

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_PATH = path.join(ROOT, 'test/support/m365agents/yaml.schema.v1.13.json');

interface Action {
  uses: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

function validator(): (value: unknown) => string[] {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!))].sort();
}

function actions(project: Project): Action[] {
  return [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
}

const check = validator();

describe.each([
  ['m365agents.yml', 'env/.env.dev'],
  ['m365agents.local.yml', 'env/.env.local'],
])('%s', (file, envFile) => {
  const text = read(file);
  const project = parse(text) as Project;

  it("validates against the toolkit's published schema for its version", () => {
    expect(text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${project.version}/yaml.schema.json`,
    );
    expect(project.version).toBe('v1.13');
    expect(check(project)).toEqual([]);
  });

  it('uses only values its environment file defines or an earlier action writes', () => {
    const defined = Object.keys(dotenv.parse(read(envFile)));
    const written = actions(project).flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {}));
    const outputs = [...read('infra/main.bicep').matchAll(/^output ([A-Z0-9_]+) /gm)].map((m) => m[1]!);
    const parameters = placeholders(read('infra/m365agents.parameters.json'));
    const used = [...placeholders(text), ...(file === 'm365agents.yml' ? parameters : [])];
    expect(used.filter((name) => !defined.includes(name))).toEqual([]);
    expect([...written, ...outputs].filter((name) => !defined.includes(name) && used.includes(name))).toEqual(
      [],
    );
  });

  it('creates no app registration or client secret, and its environment file holds no secret', () => {
    expect(actions(project).map((a) => a.uses)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(aadApp|botAadApp)\/create$/)]),
    );
    const values = dotenv.parse(read(envFile));
    for (const [name, value] of Object.entries(values)) {
      expect({ name, secretLike: /SECRET|PASSWORD|KEY$/.test(name) }).toEqual({ name, secretLike: false });
      if (name.startsWith('SECRET_')) expect(value).toBe('');
    }
  });
});

describe('m365agents.yml over the same Bicep, package and bundle as the manual steps', () => {
  const project = parse(read('m365agents.yml')) as Project;

  it('provisions with infra/main.bicep and a parameters file that matches main.parameters.json', () => {
    const deploy = project.provision!.find((a) => a.uses === 'arm/deploy')!;
    const templates = deploy.with!.templates as Array<{ path: string; parameters: string }>;
    expect(templates).toEqual([
      {
        path: './infra/main.bicep',
        parameters: './infra/m365agents.parameters.json',
        deploymentName: 'shadowing',
      },
    ]);
    const manual = JSON.parse(read('infra/main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const toolkit = JSON.parse(read('infra/m365agents.parameters.json')) as typeof manual;
    expect(toolkit.parameters).toEqual({
      ...manual.parameters,
      teamsAppCatalogId: { value: '${{TEAMS_APP_CATALOG_ID}}' },
    });
  });

  it('packages with npm run package, given every setting it needs, and ships the zip it writes', () => {
    const packaging = actions(project).filter(
      (a) => a.uses === 'cli/runNpmCommand' && a.with?.args === 'run package',
    );
    expect(packaging).toHaveLength(2);
    for (const action of packaging) {
      const env = Object.fromEntries(Object.keys(action.env ?? {}).map((name) => [name, name]));
      // Every required setting is passed: with placeholder text, only format problems remain.
      let problems: string[] = [];
      try {
        readPackageSettings(env);
      } catch (error) {
        problems = (error as { problems: string[] }).problems;
      }
      expect(problems.filter((p) => /required/.test(p))).toEqual([]);
    }
    const zips = actions(project)
      .map((a) => a.with?.appPackagePath)
      .filter((p) => p !== undefined);
    expect(new Set(zips)).toEqual(new Set(['./appPackage/build/shadowing-bot.zip']));
    expect(read('scripts/package.ts')).toContain(
      "path.join(root, 'appPackage', 'build', 'shadowing-bot.zip')",
    );
  });

  it('deploys what npm run bundle writes to release/, to the web app the Bicep created', () => {
    expect(project.deploy!.map((a) => a.uses)).toEqual(['cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(project.deploy![0]!.with).toEqual({ args: 'run bundle' });
    expect(project.deploy![1]!.with).toEqual({
      artifactFolder: './release',
      resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(read('scripts/bundleService.ts')).toContain("const release = path.join(root, 'release');");
  });

  it('writes the catalogue id publishing returns to TEAMS_APP_CATALOG_ID, which the next provision passes on', () => {
    const publish = project.publish!.find((a) => a.uses === 'teamsApp/publishAppPackage')!;
    expect(publish.writeToEnvironmentFile).toEqual({ publishedAppId: 'TEAMS_APP_CATALOG_ID' });
  });

  it('is refused by the schema when an action is wrong (the check can fail)', () => {
    const broken = structuredClone(project);
    broken.deploy![1]!.with = { artifactFolder: './release' };
    expect(check(broken).join('\n')).toMatch(/resourceId/);
    expect(check({ ...project, version: 'v9.9' })).not.toEqual([]);
  });
});

describe('the VS Code launch configurations', () => {
  const launch = JSON.parse(read('.vscode/launch.json')) as {
    configurations: Array<{ name: string; preLaunchTask?: string; command?: string }>;
  };
  const tasks = JSON.parse(read('.vscode/tasks.json')) as {
    tasks: Array<{ label: string; command: string }>;
  };

  it('start the bot with the Playground as npm start does, and name only tasks that exist', () => {
    expect(launch.configurations.map((c) => c.command)).toEqual(
      expect.arrayContaining(['npm start', 'npm start -- --everyone']),
    );
    const labels = tasks.tasks.map((t) => t.label);
    for (const configuration of launch.configurations)
      if (configuration.preLaunchTask) expect(labels).toContain(configuration.preLaunchTask);
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: object }).scripts);
    for (const task of tasks.tasks) {
      const script = /^npm run (\S+)/.exec(task.command)?.[1];
      if (script) expect(scripts).toContain(script);
    }
  });
});
