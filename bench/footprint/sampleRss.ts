import { readFileSync } from 'node:fs';

/** Resident set size of a process in MiB, from /proc (Linux). */
export function readRssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : 0;
}
