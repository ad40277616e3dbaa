import fs from 'node:fs';
import path from 'node:path';
import { INFRA, readInfraFile, readParams } from './readBicep';

const guide = readInfraFile('README.md');
const main = readInfraFile('main.bicep');
const ROOT = path.resolve(INFRA, '..');

describe('infra/README.md, the steps a Trust follows', () => {
  it('numbers its steps 1 to 12 in order, each saying who does it', () => {
    const steps = [...guide.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]!] as const);
    expect(steps.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [, title] of steps)
      expect(title).toMatch(/\((subscription owner|Entra administrator|Teams administrator)[^)]*\)$/);
  });

  it('documents every parameter of main.bicep but location and tags, and no other', () => {
    const declared = readParams(main)
      .map((p) => p.name)
      .filter((name) => !['location', 'tags'].includes(name));
    const table = guide.slice(guide.indexOf('## 4.'), guide.indexOf('## 5.'));
    const documented = [...table.matchAll(/^\| ((?:`\w+`(?:, )?(?: \(\+ `\w+`\))?)+) \|/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/`(\w+)`/g)].map((n) => n[1]!),
    );
    expect([...new Set(documented)].sort()).toEqual([...declared].sort());
  });

  it('reads only outputs main.bicep has', () => {
    const outputs = [...main.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
    const read = [...guide.matchAll(/\$\(out (\w+)\)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(4);
    expect(read.filter((name) => !outputs.includes(name))).toEqual([]);
  });

  it('runs only npm scripts the project has, and previews every deployment with what-if', () => {
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    const used = [...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(used.filter((name) => !scripts.includes(name))).toEqual([]);
    const creates = guide.match(/az deployment group create/g) ?? [];
    const previews = guide.match(/az deployment group what-if/g) ?? [];
    expect(creates.length).toBeGreaterThan(0);
    expect(previews.length).toBe(creates.length);
  });

  it('signs in to a named tenant and grants only the Graph permissions the deployed code asks for', () => {
    expect(guide).toContain('az login --tenant');
    const granted = /for permission in ([^;]+); do/.exec(guide)![1]!.trim().split(/\s+/);
    const src = path.join(ROOT, 'src');
    const asked = new Set<string>();
    for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.startsWith(`cli${path.sep}`)) continue;
      const text = fs.readFileSync(path.join(src, file), 'utf8');
      for (const m of text.matchAll(
        /(?:permission: |READ_\w+ = |const READ_SCHEDULE = )'([A-Za-z.]+\.All)'/g,
      ))
        asked.add(m[1]!);
    }
    // Asked for by code the deployed bot never runs: the admin CLI's group sync (as its operator), and
    // findCatalogAppId, which the service does not call (the catalogue id is the TEAMS_APP_CATALOG_ID setting).
    asked.delete('GroupMember.Read.All');
    asked.delete('AppCatalog.Read.All');
    const callers = fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== path.join('graph', 'installApp.ts'))
      .filter((file) => fs.readFileSync(path.join(src, file), 'utf8').includes('findCatalogAppId'));
    expect(callers).toEqual([]);
    expect([...granted].sort()).toEqual([...asked].sort());
  });
});
