import type { CauseVerdict, ChangeCause, ChangeForCause } from '../../lib/stations/insights/causes/types';

export interface CausePart {
  changes: number;
  total: number;
  bikes: Record<ChangeCause, number>;
}

const emptyPart = (): CausePart => ({ changes: 0, total: 0, bikes: { riders: 0, rebalancing: 0, glitch: 0 } });
const JUMP_SIZES = [2, 4, 6, 8, 10, 15];

/** Bikes moved per cause overall, at night, by day and per local hour; changes and bikes per rule; jump sizes by report gap. */
export function summariseCauses(changes: readonly ChangeForCause[], verdicts: readonly CauseVerdict[], timeZone: string) {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  const [all, night, day] = [emptyPart(), emptyPart(), emptyPart()];
  const byHour = Array.from({ length: 24 }, emptyPart);
  const byRule = new Map<string, { changes: number; bikes: number }>();
  const gaps = new Map<string, number[]>();
  changes.forEach((change, i) => {
    const verdict = verdicts[i];
    if (!verdict) return;
    const moved = Math.abs(change.bikes - change.prevBikes);
    const hour = Number(hourOf.format(change.reportedAt)) % 24;
    const parts = [all, byHour[hour], hour >= 1 && hour < 5 ? night : undefined, hour >= 7 && hour < 22 ? day : undefined];
    for (const part of parts) {
      if (!part) continue;
      part.changes++;
      part.total += moved;
      part.bikes[verdict.cause] += moved;
    }
    const rule = byRule.get(verdict.rule) ?? { changes: 0, bikes: 0 };
    byRule.set(verdict.rule, { changes: rule.changes + 1, bikes: rule.bikes + moved });
    const gapMinutes = (change.reportedAt.getTime() - change.prevReportedAt.getTime()) / 60_000;
    const gap = gapMinutes <= 2 ? '<= 2 min' : gapMinutes <= 30 ? '2-30 min' : '> 30 min';
    const counts = gaps.get(gap) ?? [0, ...JUMP_SIZES.map(() => 0)];
    counts[0] = (counts[0] ?? 0) + 1;
    JUMP_SIZES.forEach((size, k) => {
      if (moved >= size) counts[k + 1] = (counts[k + 1] ?? 0) + 1;
    });
    gaps.set(gap, counts);
  });
  const jumpSizes = [...gaps].map(([gap, [count = 0, ...atLeast]]) => [
    gap,
    `${count} changes; ${JUMP_SIZES.map((size, k) => `>=${size}: ${((100 * (atLeast[k] ?? 0)) / Math.max(1, count)).toFixed(1)} %`).join(', ')}`,
  ]);
  return { all, night, day, byHour, byRule, jumpSizes };
}
