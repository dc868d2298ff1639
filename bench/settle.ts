import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../lib/db/client';

/** Share of the last 10 s in which some task waited for a CPU (`/proc/pressure/cpu`), or null where the kernel has no PSI. */
export function parseCpuPressure10s(pressure: string): number | null {
  const match = /^some avg10=([\d.]+)/m.exec(pressure);
  return match ? Number(match[1]) : null;
}

const cpuPressure10s = async () => parseCpuPressure10s(await readFile('/proc/pressure/cpu', 'utf8').catch(() => ''));

export interface Settled {
  waitedS: number;
  /** CPU pressure when the wait ended; above the limit when it gave up. */
  pressurePct: number | null;
}

/**
 * Before the read figures: the replays leave gigabytes of dirty buffers and a busy machine behind
 * (background writer, checkpointer, consumers exiting), and reads measured in that wake measure the
 * bulk load's tail, not the query. A CHECKPOINT writes the dirty buffers out now, then this waits
 * until no task has waited for a CPU in more than `idlePct` % of the last 10 s, or `maxWaitS` passed.
 */
export async function settleMachine(db: Database, { idlePct = 5, maxWaitS = 120 } = {}): Promise<Settled> {
  const started = performance.now();
  await db.execute(sql`CHECKPOINT`);
  let pressure = await cpuPressure10s();
  while (pressure !== null && pressure > idlePct && performance.now() - started < maxWaitS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    pressure = await cpuPressure10s();
  }
  return { waitedS: (performance.now() - started) / 1000, pressurePct: pressure };
}

export const describeSettled = ({ waitedS, pressurePct }: Settled) =>
  `settled in ${waitedS.toFixed(1)} s (CHECKPOINT, then CPU pressure ${pressurePct === null ? 'not readable' : `${pressurePct.toFixed(1)} % over 10 s`})`;
