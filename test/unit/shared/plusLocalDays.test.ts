import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { plusLocalDays } from '../../../src/shared/plusLocalDays';

const SOURCE = path.join(__dirname, '../../../src/shared/plusLocalDays.ts');

/**
 * Compares plusLocalDays with luxon in a Node process of its own whose time zone is `zone` (a
 * test's own process keeps the zone it started with): every 7 hours and 13 minutes through two
 * years, so both clock changes of each year, midnights and the hours either side are crossed, 15
 * days back and forward. Prints the instants where the two differ.
 */
function differencesIn(zone: string): string[] {
  const compiled = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const script = `
    const { DateTime } = require(${JSON.stringify(require.resolve('luxon'))});
    const module = { exports: {} };
    new Function('exports', 'module', ${JSON.stringify(compiled)})(module.exports, module);
    const { plusLocalDays } = module.exports;
    const differing = [];
    const step = (7 * 60 + 13) * 60000;
    for (let at = Date.parse('2025-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += step) {
      for (const days of [-15, 15]) {
        const date = new Date(at);
        if (plusLocalDays(date, days).getTime() !== DateTime.fromJSDate(date).plus({ days }).toJSDate().getTime())
          differing.push(date.toISOString() + ' ' + days);
      }
    }
    // The zone really is the one asked for: London is an hour ahead of UTC in June.
    const offset = new Date('2026-06-01T12:00:00Z').getTimezoneOffset();
    process.stdout.write(JSON.stringify({ differing, offset }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const { differing, offset } = JSON.parse(run.stdout) as { differing: string[]; offset: number };
  if (zone === 'Europe/London') expect(offset).toBe(-60);
  return differing;
}

describe('plusLocalDays', () => {
  it.each(['Europe/London', 'UTC', 'America/New_York', 'Australia/Lord_Howe'])(
    'gives the instant luxon gives, across clock changes, in %s',
    (zone) => {
      expect(differencesIn(zone)).toEqual([]);
    },
  );

  it('keeps the wall-clock time and leaves no time at all as no time', () => {
    const date = new Date(2026, 2, 20, 9, 30);
    const moved = plusLocalDays(date, 15);
    expect([
      moved.getFullYear(),
      moved.getMonth(),
      moved.getDate(),
      moved.getHours(),
      moved.getMinutes(),
    ]).toEqual([2026, 3, 4, 9, 30]);
    expect(plusLocalDays(new Date(Number.NaN), 15).getTime()).toBeNaN();
  });
});
