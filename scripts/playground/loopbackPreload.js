'use strict';
/**
 * Loaded with `node --require` into each Microsoft 365 Agents Playground process. The Playground
 * calls `server.listen(port)`, which listens on every interface; this makes any listen that names
 * no host (or a wildcard host) listen on 127.0.0.1 instead, so nothing is reachable from outside
 * this machine. Unix sockets, handles and explicit hosts are left alone.
 *
 * It also stops the Playground when the process that started it goes away, so a killed
 * `npm start` does not leave a Playground running on its own.
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);

function isWildcard(host) {
  return host === undefined || host === null || WILDCARD_HOSTS.has(host);
}

function isPortLike(value) {
  return (
    value === undefined || typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
  );
}

/** Returns the `listen` arguments with a wildcard or missing host replaced by 127.0.0.1. */
function forceLoopback(args) {
  const [first, second, ...rest] = args;
  if (first !== null && typeof first === 'object') {
    const usesPathOrHandle = 'path' in first || 'fd' in first || 'handle' in first || '_handle' in first;
    if (usesPathOrHandle || !isWildcard(first.host)) return args;
    return [{ ...first, host: LOOPBACK }, ...args.slice(1)];
  }
  if (typeof first === 'function') return [0, LOOPBACK, ...args];
  if (!isPortLike(first)) return args; // a pipe or socket path
  if (typeof second === 'string') return isWildcard(second) ? [first, LOOPBACK, ...rest] : args;
  if (args.length <= 1) return [first ?? 0, LOOPBACK];
  if (second === undefined || second === null) return [first, LOOPBACK, ...rest];
  return [first, LOOPBACK, second, ...rest];
}

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  return originalListen.apply(this, forceLoopback(args));
};

function exitWhenParentGoes() {
  const parentPid = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) process.exit(0);
  }, 1000);
  timer.unref();
}

if (process.env.PLAYGROUND_EXIT_WITH_PARENT === '1') exitWhenParentGoes();

module.exports = { forceLoopback };
