import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of this process from now until `stop`, which writes it to `file` (.cpuprofile),
 * so a benchmark can profile its measured seconds only (not start-up, seeding or warm-up). None
 * without a file. `dist/bench/summariseCpuProfile.js` summarises one. CPU_PROFILE_INTERVAL_US
 * samples more often than V8's default of every 1,000 µs, for turns that last a millisecond or two.
 */
export async function startCpuProfile(
  file: string | undefined,
): Promise<{ stop(keep?: (atMicros: bigint) => boolean): Promise<void> } | undefined> {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const interval = Number(process.env.CPU_PROFILE_INTERVAL_US);
  if (interval > 0) await session.post('Profiler.setSamplingInterval', { interval });
  await session.post('Profiler.start');
  return {
    stop: async (keep) => {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(keep ? keepSamples(profile, keep) : profile));
      session.disconnect();
    },
  };
}

/**
 * The profile with only the samples taken when `keep` says so, given each sample's time on the
 * clock of `process.hrtime.bigint()` in microseconds (the profiler's own clock).
 */
function keepSamples(
  profile: { samples?: number[]; timeDeltas?: number[]; startTime: number },
  keep: (atMicros: bigint) => boolean,
): object {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = profile.startTime;
  let last = profile.startTime;
  for (const [i, sample] of (profile.samples ?? []).entries()) {
    at += profile.timeDeltas?.[i] ?? 0;
    if (!keep(BigInt(Math.round(at)))) continue;
    samples.push(sample);
    timeDeltas.push(at - last);
    last = at;
  }
  return { ...profile, samples, timeDeltas };
}

/**
 * CPU time used so far, in milliseconds: this process's (the service and the load together,
 * as for the echo bot) and the Cosmos-protocol server's child process. Unlike turns a second,
 * CPU per turn hardly changes with how busy the machine is.
 */
export function cpuMs(serverPid: number | undefined): { own: number; server: number } {
  const usage = process.cpuUsage();
  let server = 0;
  if (serverPid) {
    // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    server = (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return { own: (usage.user + usage.system) / 1000, server };
}
