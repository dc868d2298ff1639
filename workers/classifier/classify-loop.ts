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
 * One pass over every system. While a system's backlog races in (its stored reports run ahead of the
 * wall clock), rounds stay behind the stored front, keep only settled verdicts and leave today's cards:
 * the unsettled hour moves on faster than it could be decided, and ingest comes first.
 */
async function classifyAll(db: Database, signal: AbortSignal, pace: FeedPace): Promise<Pass> {
  const pass: Pass = { stored: 0, caughtUp: true, racing: false };
  for (const state of await listCauseStates(db)) {
    if (signal.aborted) break;
    const racing = pace.observe(state.systemId, state.storedAt, Date.now());
    const round = await classifyRound(db, { ...state, at: classifyHorizon(state, racing) }, { settledOnly: racing });
    pass.stored += round.stored;
    pass.caughtUp &&= round.caughtUp;
    pass.racing ||= racing;
    // Report cards read the causes, so they follow the progress mark this round just moved.
    const cardState = { ...state, at: classifyHorizon(state, false), through: round.through };
    if (await reportRound(db, cardState, { refreshToday: !racing })) pass.caughtUp = false;
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
      if (pass.racing !== racing) log.info(pass.racing ? 'feed racing ahead of the clock: keeping settled causes only' : 'feed steady: classifying to its latest update');
      failures = 0;
      behind = !pass.caughtUp;
      racing = pass.racing;
      // Behind on a steady feed: go again at once. Behind a racing backlog: the consumer needs the
      // machine more than the causes need to keep up, and each round then covers more settled time.
      await sleep(behind && !pass.racing ? 0 : intervalMs, signal);
    } catch (error) {
      failures++;
      const waitMs = backoffDelayMs(failures, 1_000, 30_000);
      log.warn('classification round failed, retrying', { error: error instanceof Error ? error.message : String(error), waitMs });
      await sleep(waitMs, signal);
    }
  }
}
