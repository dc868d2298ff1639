import type { Database } from '../../lib/db/client';
import { listCauseStates } from '../../lib/queries/change-causes';
import { backoffDelayMs } from '../../lib/runtime/backoff';
import type { Logger } from '../../lib/runtime/log';
import { sleep } from '../../lib/runtime/sleep';
import { classifyRound } from './classify-round';
import { reportRound } from './report-round';

export interface ClassifyLoopOptions {
  db: Database;
  log: Logger;
  signal: AbortSignal;
  /** Pause between rounds once every system is caught up. */
  intervalMs: number;
}

/** One pass over every system; true when all of them reached their latest feed update. */
async function classifyAll(db: Database, signal: AbortSignal): Promise<{ stored: number; caughtUp: boolean }> {
  let stored = 0;
  let caughtUp = true;
  for (const state of await listCauseStates(db)) {
    if (signal.aborted) break;
    const round = await classifyRound(db, state);
    stored += round.stored;
    caughtUp &&= round.caughtUp;
    // Report cards read the causes, so they follow the progress mark this round just moved.
    if (await reportRound(db, { ...state, through: round.through })) caughtUp = false;
  }
  return { stored, caughtUp };
}

/**
 * Classifies until the signal aborts. A database error is logged and retried with backoff: the
 * causes are derived data, and the next round starts from the stored progress mark.
 */
export async function runClassifyLoop({ db, log, signal, intervalMs }: ClassifyLoopOptions): Promise<void> {
  let failures = 0;
  let behind = false;
  while (!signal.aborted) {
    try {
      const pass = await classifyAll(db, signal);
      if (pass.stored > 0) log.debug('causes stored', { stored: pass.stored, caughtUp: pass.caughtUp });
      if (failures > 0) log.info('classifying again', { afterFailures: failures });
      if (behind && pass.caughtUp) log.info('caught up');
      failures = 0;
      behind = !pass.caughtUp;
      await sleep(behind ? 0 : intervalMs, signal);
    } catch (error) {
      failures++;
      const waitMs = backoffDelayMs(failures, 1_000, 30_000);
      log.warn('classification round failed, retrying', { error: error instanceof Error ? error.message : String(error), waitMs });
      await sleep(waitMs, signal);
    }
  }
}
