import { sql } from 'drizzle-orm';
import type { Database } from '../lib/db/client';
import { sleep } from '../lib/runtime/sleep';
import { cpuPressure } from './rss';

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
  let pressure = await cpuPressure(10);
  while (pressure !== null && pressure > idlePct && performance.now() - started < maxWaitS * 1000) {
    await sleep(1000);
    pressure = await cpuPressure(10);
  }
  return { waitedS: (performance.now() - started) / 1000, pressurePct: pressure };
}

export const describeSettled = ({ waitedS, pressurePct }: Settled) =>
  `settled in ${waitedS.toFixed(1)} s (CHECKPOINT, then CPU pressure ${pressurePct === null ? 'not readable' : `${pressurePct.toFixed(1)} % over 10 s`})`;
