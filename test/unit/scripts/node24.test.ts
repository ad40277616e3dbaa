import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const LAUNCHER = path.join(ROOT, 'scripts', 'node24.cjs');
const PINNED_BINARY = path.join(ROOT, '.tools', 'node-v24.22.3-linux-x64', 'bin', 'node');
const SYSTEM_NODE = '/usr/bin/node';

function writeProbe(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-'));
  const file = path.join(dir, 'probe.js');
  fs.writeFileSync(
    file,
    "const { execFileSync } = require('node:child_process');\n" +
      "const child = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();\n" +
      'console.log(JSON.stringify({ version: process.version, args: process.argv.slice(2), child, nodeOptions: process.execArgv }));\n',
  );
  return file;
}

interface ProbeResult {
  version: string;
  args: string[];
  child: string;
  nodeOptions: string[];
}

function run(node: string, probe: string, nodeOptions: string[] = []): ProbeResult {
  return JSON.parse(
    execFileSync(node, [LAUNCHER, ...nodeOptions, probe, 'one', '--two'], { encoding: 'utf8' }),
  ) as ProbeResult;
}

/** Node options a launched file can see in process.execArgv, and that change nothing else. */
const NODE_OPTIONS = ['--max-old-space-size=1234', '--no-deprecation'];

function major(version: string): number {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

describe('scripts/node24.cjs', () => {
  it('runs the file in the same process on Node 24 or later, passing the arguments on', () => {
    const result = run(process.execPath, writeProbe());
    expect(major(process.version)).toBeGreaterThanOrEqual(24);
    expect(result.version).toBe(process.version);
    expect(result.args).toEqual(['one', '--two']);
    expect(result.nodeOptions).toEqual([]);
  });

  it('gives node options written before the file to Node 24, and the words after it to the file', () => {
    const result = run(process.execPath, writeProbe(), NODE_OPTIONS);
    expect(result.version).toBe(process.version);
    expect(result.nodeOptions).toEqual(NODE_OPTIONS);
    expect(result.args).toEqual(['one', '--two']);
  });

  it('declares the same Node.js major in package.json engines', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('>=24.0.0');
    expect(fs.readFileSync(LAUNCHER, 'utf8')).toContain('const REQUIRED_MAJOR = 24;');
  });

  const systemIsOlder =
    fs.existsSync(SYSTEM_NODE) &&
    fs.existsSync(PINNED_BINARY) &&
    major(execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' })) < 24;
  (systemIsOlder ? it : it.skip)(
    "runs the file on the pinned Node 24 when the machine's Node is older, and puts it first on PATH",
    () => {
      const result = run(SYSTEM_NODE, writeProbe());
      expect(result.version).toBe('v24.22.3');
      expect(result.child).toBe('v24.22.3');
      expect(result.args).toEqual(['one', '--two']);
    },
  );

  (systemIsOlder ? it : it.skip)('gives node options to the pinned Node 24 too', () => {
    const result = run(SYSTEM_NODE, writeProbe(), NODE_OPTIONS);
    expect(result.version).toBe('v24.22.3');
    expect(result.nodeOptions).toEqual(NODE_OPTIONS);
    expect(result.args).toEqual(['one', '--two']);
  });
});
