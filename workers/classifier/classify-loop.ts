import type { Database } from '../../lib/db/client';
import { listCauseStates } from '../../lib/queries/change-causes';
import { backoffDelayMs } from '../../lib/runtime/backoff';
import type { Logger } from '../../lib/runtime/log';
import { sleep } from '../../lib/runtime/sleep';
import { classifyRound } from './classify-round';
import { FeedPace } from './feed-pace';
import { classifyHorizon } from './horizon';
import { reportRound } from './report-round';

export interface ClassifyLoopOptions {
  db: Database;
  log: Logger;
  signal: AbortSignal;
  /** Pause between rounds once every system is caught up. */
  intervalMs: number;
}

interface Pass {
  stored: number;
  /** Every system reached its latest feed update. */
  caughtUp: boolean;
  /** Some system's feed clock races ahead of the wall clock: a backlog is being ingested. */
  racing: boolean;
}

/**
 * One pass over every system. A system whose stored reports race ahead of the wall clock (the consumer
 * working through a backlog, a replay) waits: ingest comes first, and every round over a front that
 * moves hours a second would decide the same unsettled hour again. Once the front keeps the wall
 * clock's pace, the next rounds take the backlog in long chunks.
 */
async function classifyAll(db: Database, signal: AbortSignal, pace: FeedPace): Promise<Pass> {
  const pass: Pass = { stored: 0, caughtUp: true, racing: false };
  for (const state of await listCauseStates(db)) {
    if (signal.aborted) break;
    if (pace.observe(state.systemId, state.storedAt, Date.now())) {
      pass.racing = true;
      pass.caughtUp = false;
      continue;
    }
    const stored = { ...state, at: classifyHorizon(state) };
    const round = await classifyRound(db, stored);
    pass.stored += round.stored;
    pass.caughtUp &&= round.caughtUp;
    // Report cards read the causes, so they follow the progress mark this round just moved.
    if (await reportRound(db, { ...stored, through: round.through })) pass.caughtUp = false;
  }
  return pass;
}

/**
 * Classifies until the signal aborts. A database error is logged and retried with backoff: the
 * causes are derived data, and the next round starts from the stored progress mark.
 */
export async function runClassifyLoop({ db, log, signal, intervalMs }: ClassifyLoopOptions): Promise<void> {
  let failures = 0;
  let behind = false;
  let racing = false;
  const pace = new FeedPace();
  while (!signal.aborted) {
    try {
      const pass = await classifyAll(db, signal, pace);
      if (pass.stored > 0) log.debug('causes stored', { stored: pass.stored, caughtUp: pass.caughtUp });
      if (failures > 0) log.info('classifying again', { afterFailures: failures });
      if (behind && pass.caughtUp) log.info('caught up');
      if (pass.racing !== racing) log.info(pass.racing ? 'stored reports racing ahead of the clock: waiting for ingest to catch up' : 'stored reports keep the clock\'s pace: classifying');
      failures = 0;
      behind = !pass.caughtUp;
      racing = pass.racing;
      // Behind on a steady feed: go again at once. Waiting for a racing backlog: look again in a while.
      await sleep(behind && !pass.racing ? 0 : intervalMs, signal);
    } catch (error) {
      failures++;
      const waitMs = backoffDelayMs(failures, 1_000, 30_000);
      log.warn('classification round failed, retrying', { error: error instanceof Error ? error.message : String(error), waitMs });
      await sleep(waitMs, signal);
    }
  }
}
