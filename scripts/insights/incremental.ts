import { CAUSE_LOOKBACK_MS, classifyChanges } from '../../lib/stations/insights/causes/classify';
import type { CauseVerdict } from '../../lib/stations/insights/causes/types';
import type { LabelledRun } from './labelled-run';

/** First index whose change is reported after `time` (changes are oldest first). */
function firstAfter(run: LabelledRun, time: number): number {
  let [low, high] = [0, run.changes.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((run.changes[middle]?.reportedAt.getTime() ?? 0) > time) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Classifies as the incremental job does: every `stepMs` of feed time it passes the changes from CAUSE_LOOKBACK_MS
 * before the oldest unsettled one up to now, stores the verdicts, and never looks at a settled change again.
 */
export function classifyLikeTheJob(run: LabelledRun, stepMs: number): CauseVerdict[] {
  const verdicts = new Array<CauseVerdict | undefined>(run.changes.length);
  const start = run.changes[0]?.reportedAt.getTime() ?? run.endMs;
  let oldestUnsettled = 0;
  for (let at = start; at < run.endMs + stepMs; at += stepMs) {
    const now = Math.min(at, run.endMs);
    const end = firstAfter(run, now);
    const oldestTime = run.changes[oldestUnsettled]?.reportedAt.getTime() ?? now;
    const begin = firstAfter(run, oldestTime - CAUSE_LOOKBACK_MS - 1);
    const window = run.changes.slice(begin, end);
    const windowVerdicts = classifyChanges({ changes: window, stations: run.stations, timeZone: run.timeZone, at: new Date(now) });
    windowVerdicts.forEach((verdict, offset) => {
      const i = begin + offset;
      if (i >= oldestUnsettled && verdicts[i]?.settled !== true) verdicts[i] = verdict;
    });
    while (oldestUnsettled < end && verdicts[oldestUnsettled]?.settled === true) oldestUnsettled++;
  }
  return verdicts.map((verdict) => verdict ?? { cause: 'riders', settled: false, rule: 'never classified' });
}
