import type { Database } from '../../lib/db/client';
import {
  firstChangeAt,
  listChangesForCauses,
  listStationsForCauses,
  oldestUnclassified,
  rebuildActivity,
  setCauseProgress,
  storeVerdicts,
  tryLockSystem,
  type CauseState,
} from '../../lib/queries/change-causes';
import { CAUSE_LOOKBACK_MS, CAUSE_SETTLE_MS, classifyChanges } from '../../lib/stations/insights/causes/classify';
import { settledThrough } from './settled-through';
import { notifyStored } from '../../lib/queries/store-notify';

/** At most this much feed time a round: a catch-up over months is many short transactions, not one long one. */
export const CAUSE_CHUNK_MS = Math.max(6 * 3_600_000, 4 * CAUSE_SETTLE_MS);
/** How far back a round looks for changes stored after later ones were classified (partitions are written concurrently). */
export const LATE_CHANGE_SWEEP_MS = 6 * 3_600_000;

export interface RoundResult {
  stored: number;
  /** True when the round reached the system's latest feed update. */
  caughtUp: boolean;
  /** The progress mark after the round (unchanged when it did nothing). */
  through: Date | null;
}

const shift = (time: Date, ms: number) => new Date(time.getTime() + ms);

/** Classifies one system's next window of changes, in one transaction that only one classifier process runs at a time. */
export async function classifyRound(db: Database, state: CauseState, now: () => Date = () => new Date()): Promise<RoundResult> {
  const at = state.at;
  const idle = { stored: 0, caughtUp: true, through: state.through };
  if (at === null) return idle;
  return db.transaction(async (tx) => {
    if (!(await tryLockSystem(tx, state.systemId))) return idle;
    let through = state.through;
    if (through === null) {
      const first = await firstChangeAt(tx, state.systemId);
      if (first === null) return idle;
      through = shift(first, -1);
    } else {
      const late = await oldestUnclassified(tx, state.systemId, shift(through, -LATE_CHANGE_SWEEP_MS), through);
      // The late change may be the other half of a truck's move already settled as riders: decide its look-back again too.
      if (late !== null) through = shift(late, -CAUSE_LOOKBACK_MS - 1);
    }
    const windowEnd = new Date(Math.min(through.getTime() + CAUSE_CHUNK_MS, at.getTime()));
    if (windowEnd <= through) return idle;

    const changes = await listChangesForCauses(tx, state.systemId, shift(through, -CAUSE_LOOKBACK_MS), windowEnd);
    const stations = await listStationsForCauses(tx, state.systemId);
    // A window that ends before the feed's latest update must not settle what the next window decides.
    const verdicts = classifyChanges({ changes, stations, timeZone: state.timeZone, at: windowEnd });
    const fresh = changes.flatMap((change, i) => {
      const verdict = verdicts[i];
      return change.reportedAt > through && verdict ? [{ stationId: change.stationId, reportedAt: change.reportedAt, ...verdict }] : [];
    });
    const stored = await storeVerdicts(tx, state.systemId, fresh, now());
    // Open live streams re-send the changes they showed without a cause (lib/stream/stream-hub.ts).
    const [firstVerdict, lastVerdict] = [fresh[0], fresh.at(-1)];
    if (stored > 0 && firstVerdict && lastVerdict) {
      await notifyStored(tx, [{ kind: 'causes', system: state.systemId, from: firstVerdict.reportedAt.toISOString(), to: lastVerdict.reportedAt.toISOString() }]);
    }
    const settled = settledThrough(fresh, windowEnd, through);
    await setCauseProgress(tx, state.systemId, settled);
    const firstFresh = fresh[0]?.reportedAt;
    if (firstFresh) await rebuildActivity(tx, state.systemId, firstFresh, windowEnd);
    return { stored, caughtUp: windowEnd >= at, through: settled };
  });
}
