import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PRELOAD = path.resolve(__dirname, '../../../scripts/playground/loopbackPreload.js');

/** Runs `listenCall` (a server.listen call on `server`) in a fresh Node with the preload; returns the address. */
function addressAfter(listenCall: string): string {
  const script = `
    const server = require('node:net').createServer();
    server.on('listening', () => { const a = server.address(); console.log(a.address); server.close(); });
    ${listenCall};`;
  return execFileSync(process.execPath, ['--require', PRELOAD, '-e', script], {
    encoding: 'utf8',
    timeout: 60_000, // a hang guard only: starting Node is slow on a busy machine
  }).trim();
}

describe('the Playground loopback preload', () => {
  it.each([
    ['a port only', 'server.listen(0)'],
    ['a port and a callback', 'server.listen(0, () => {})'],
    ['a port, no host and a backlog', 'server.listen(0, undefined, 511)'],
    ['every IPv4 interface', "server.listen(0, '0.0.0.0')"],
    ['every IPv6 interface', "server.listen(0, '::')"],
    ['an options object without a host', 'server.listen({ port: 0 })'],
    ['no arguments', 'server.listen()'],
  ])('keeps a listen with %s on 127.0.0.1', (_, call) => {
    expect(addressAfter(call)).toBe('127.0.0.1');
  });

  it('leaves an explicit loopback host as it is', () => {
    expect(addressAfter("server.listen(0, '::1')")).toBe('::1');
  });
});
