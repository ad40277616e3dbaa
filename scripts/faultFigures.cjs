// Runs the fault suite (test/fault) and prints its figures: attempts, server errors (5xx), wrong
// state changes, messages lost and patient data stored, each summed over what the tests counted
// where they look (test/support/faultFigures.ts). Exit code: the suite's.
// Usage: npm run test:fault [-- <more jest arguments>]
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fault-figures-')), 'figures.jsonl');
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    'test/fault',
    '--setupFilesAfterEnv',
    '<rootDir>/test/support/faultFiguresSetup.ts',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FAULT_FIGURES_FILE: file } },
);

const LABELS = {
  attempts: 'attempts (HTTP requests to the bot)',
  serverErrors: 'server errors (5xx)',
  wrongStateChanges: 'wrong state changes',
  messagesLost: 'messages lost',
  patientDataStored: 'patient data stored',
};
const totals = Object.fromEntries(Object.keys(LABELS).map((k) => [k, 0]));
const checks = Object.fromEntries(Object.keys(LABELS).map((k) => [k, 0]));
const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
for (const line of lines) {
  const figures = JSON.parse(line);
  for (const key of Object.keys(LABELS)) {
    totals[key] += figures.totals[key] ?? 0;
    checks[key] += figures.checks[key] ?? 0;
  }
}
fs.rmSync(path.dirname(file), { recursive: true, force: true });

process.stdout.write(`\nFault suite figures (${lines.length} test files reported):\n`);
for (const [key, label] of Object.entries(LABELS)) {
  // A figure no check counted is not 0: the test that counts it failed or timed out first.
  if (checks[key] === 0) {
    process.stdout.write(
      `  ${label.padEnd(38)} not counted (the test that counts it did not get that far)\n`,
    );
    continue;
  }
  const counted = key === 'attempts' ? '' : `  (from ${checks[key]} checks)`;
  process.stdout.write(`  ${label.padEnd(38)} ${String(totals[key]).padStart(6)}${counted}\n`);
}
process.exit(run.status ?? 1);
