import path from 'node:path';
import { truthOf } from '../../lib/stations/insights/causes/accuracy';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { ChangeForCause } from '../../lib/stations/insights/causes/types';
import { generateRun, SETTINGS, SLOW_FEED_SETTINGS } from './evaluation';
import { loadRecordedChanges } from './oslo-changes';

/** The figures behind the thresholds in INSIGHTS.md: npx tsx scripts/insights/threshold-evidence.ts */
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

for (const setting of [SETTINGS[0], ...SLOW_FEED_SETTINGS]) {
  if (!setting) continue;
  const run = generateRun(101, setting);
  const byStation = new Map<string, StationTickLabel[]>();
  for (const label of run.labels) byStation.set(label.stationId, [...(byStation.get(label.stationId) ?? []), label]);
  const riders: number[] = [];
  const trucks: number[] = [];
  for (const change of run.changes) {
    const truth = truthOf(byStation.get(change.stationId) ?? [], change);
    const moved = Math.abs(change.bikes - change.prevBikes);
    if (truth.glitch === 0 && truth.trucks === 0) riders.push(moved);
    if (truth.glitch === 0 && truth.riders === 0 && truth.trucks !== 0) trucks.push(moved);
  }
  const atLeast = (values: number[], k: number) => `${((100 * values.filter((v) => v >= k).length) / values.length).toFixed(2)} %`;
  console.log(`${setting.name}: riders-only changes ${riders.length}, |delta| p99 ${percentile(riders, 99)}, p99.9 ${percentile(riders, 99.9)}, >=4 ${atLeast(riders, 4)}, >=6 ${atLeast(riders, 6)}, >=8 ${atLeast(riders, 8)}; trucks-only changes ${trucks.length}, >=2 ${atLeast(trucks, 2)}, >=4 ${atLeast(trucks, 4)}`);
}

const oslo = await loadRecordedChanges(path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'gbfs', 'oslo'));
const moved = oslo.changes.map((change) => Math.abs(change.bikes - change.prevBikes));
console.log(`Oslo: ${moved.length} changes, |delta| p90 ${percentile(moved, 90)}, p97 ${percentile(moved, 97)}, p99 ${percentile(moved, 99)}`);

// Largest one-way group of stations that change at one report and roughly come back at the next, per Oslo snapshot.
const byTime = new Map<number, ChangeForCause[]>();
for (const change of oslo.changes) byTime.set(change.reportedAt.getTime(), [...(byTime.get(change.reportedAt.getTime()) ?? []), change]);
const shares: number[] = [];
const following = new Map<ChangeForCause, ChangeForCause>();
const lastSeen = new Map<string, ChangeForCause>();
for (const change of oslo.changes) {
  const before = lastSeen.get(change.stationId);
  if (before && change.prevReportedAt.getTime() === before.reportedAt.getTime()) following.set(before, change);
  lastSeen.set(change.stationId, change);
}
for (const changes of byTime.values()) {
  let [up, down] = [0, 0];
  for (const change of changes) {
    const next = following.get(change);
    const delta = change.bikes - change.prevBikes;
    if (!next || Math.sign(next.bikes - next.prevBikes) !== -Math.sign(delta)) continue;
    if (Math.abs(next.bikes - change.prevBikes) > Math.max(2, Math.floor(Math.abs(delta) / 2))) continue;
    if (delta > 0) up++;
    else down++;
  }
  shares.push(Math.max(up, down) / oslo.stations.size);
}
console.log(`Oslo: per report, the largest one-way roughly-reverting group is at most ${(100 * Math.max(...shares)).toFixed(1)} % of stations (p50 ${(100 * percentile(shares, 50)).toFixed(1)} %)`);
