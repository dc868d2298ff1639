import { readFile, readdir } from 'node:fs/promises';

const CLOCK_TICKS_PER_S = 100;

async function readOr(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

/** The process and all its descendants (tsx runs the worker in a child node process). */
async function processTree(pid: number): Promise<number[]> {
  const found = [pid];
  for (let index = 0; index < found.length; index += 1) {
    const parent = found[index] as number;
    const tasks = await readdir(`/proc/${parent}/task`).catch(() => [] as string[]);
    for (const task of tasks) {
      const children = await readOr(`/proc/${parent}/task/${task}/children`);
      for (const child of children.split(/\s+/).filter(Boolean)) found.push(Number(child));
    }
  }
  return found;
}

/** Resident memory of a process tree in MB, from VmRSS in /proc/PID/status. */
export async function treeRssMb(pid: number): Promise<number> {
  let kb = 0;
  for (const member of await processTree(pid)) {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(await readOr(`/proc/${member}/status`));
    if (match) kb += Number(match[1]);
  }
  return kb / 1024;
}

/** CPU time (user + system) the processes have used so far, in ms, from /proc/PID/stat. */
export async function cpuMs(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readOr(`/proc/${pid}/stat`);
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

export async function treeCpuMs(pid: number): Promise<number> {
  return cpuMs(await processTree(pid));
}

/** Samples a process tree's RSS every `intervalMs` until stopped; returns the peak. */
export function sampleRss(pid: number, intervalMs = 250): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await treeRssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

/** The machine's CPU time so far, in clock ticks, from the first line of /proc/stat. */
export interface MachineCpu {
  /** Ticks of every kind: user, nice, system, idle, iowait, irq, softirq, steal. */
  total: number;
  /** Ticks the hypervisor ran other virtual machines while this one had work (steal). */
  stolen: number;
}

/** Reads the aggregate `cpu` line of /proc/stat (guest time is already inside user time, so it is left out). */
export function parseMachineCpu(procStat: string): MachineCpu {
  const line = procStat.split('\n').find((text) => text.startsWith('cpu '));
  const ticks = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number).map((value) => (Number.isFinite(value) ? value : 0));
  return { total: ticks.reduce((sum, value) => sum + value, 0), stolen: ticks[7] ?? 0 };
}

export const machineCpu = async () => parseMachineCpu(await readOr('/proc/stat'));

/** Percent of the machine's CPU time between two samples that was stolen: the host was busy with other guests. */
export const stolenPercent = (from: MachineCpu, to: MachineCpu) => (to.total > from.total ? (100 * (to.stolen - from.stolen)) / (to.total - from.total) : 0);

const SOME_PRESSURE = /^some avg10=([\d.]+) avg60=([\d.]+)/m;

/** Share of the last 10 or 60 s in which some task waited for a CPU (`/proc/pressure/cpu`), or null where the kernel has no PSI. */
export function parseCpuPressure(pressure: string, windowS: 10 | 60): number | null {
  const match = SOME_PRESSURE.exec(pressure);
  return match ? Number(windowS === 10 ? match[1] : match[2]) : null;
}

export const cpuPressure = async (windowS: 10 | 60) => parseCpuPressure(await readOr('/proc/pressure/cpu'), windowS);

/** Load on this shared machine while measuring: figures taken under load are slower than the code. */
export async function machineLoad(): Promise<string> {
  const load = (await readOr('/proc/loadavg')).split(' ').slice(0, 3).join(' ');
  const pressure = await cpuPressure(60);
  return `load average ${load}${pressure === null ? '' : `, CPU pressure (some, 60 s) ${pressure.toFixed(2)} %`}`;
}
