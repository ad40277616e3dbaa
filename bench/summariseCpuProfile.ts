import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Summarises a `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time, and
 * the functions of our own code (dist/src, or whatever part of their file names is given) with the most total time (self and everything they
 * call, counted once per sample however deep the recursion), as shares of all samples.
 * Run: `node scripts/node24.cjs dist/bench/summariseCpuProfile.js PROFILE.cpuprofile [rows] [file]`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.replace(/^.*\/(dist|node_modules)\//, '$1/') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function summarise(profile: Profile, rows: number, only: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const node = byId.get(id) as ProfileNode;
    const name = label(node);
    if (name !== '(idle)') busy += 1;
    self.set(name, (self.get(name) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = label(byId.get(at) as ProfileNode);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + 1);
    }
  }
  const all = profile.samples.length;
  const share = (count: number) => `${((100 * count) / all).toFixed(1).padStart(5)}%`;
  console.log(`${all} samples, ${share(busy)} not idle`);
  console.log('\nself time:');
  for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${share(count)}  ${name}`);
  console.log(`\ntotal time, functions of ${only}:`);
  for (const [name, count] of [...total]
    .filter(([name]) => name.includes(only))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows))
    console.log(`${share(count)}  ${name}`);
}

const file = process.argv[2];
if (!file) throw new Error('give the .cpuprofile to summarise');
summarise(
  JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Profile,
  Number(process.argv[3] ?? 40),
  process.argv[4] ?? 'dist/src/',
);
