import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../lib/stations/insights/causes/classify';
import { requireSharedData, SHARED_DATA } from '../../tests/support/shared-data';
import { summariseCauses } from './cause-summary';
import { loadRecordedChanges } from './oslo-changes';

const OSLO = path.join(SHARED_DATA, 'gbfs', 'oslo');

/** Not accuracy (Oslo has no labels): the figures INSIGHTS.md quotes, and the verdicts' own evidence, stay true. */
describe.runIf(requireSharedData('the Oslo cause figures', OSLO))('causes on the recorded Oslo days', () => {
  it('calls most daytime bikes riders, some trucks, few glitches, and each glitch has its evidence', async () => {
    const recorded = await loadRecordedChanges(OSLO);
    expect(recorded.changes.length).toBeGreaterThan(40_000);
    const at = new Date((recorded.snapshots.at(-1) ?? 0) + 1);
    const verdicts = classifyChanges({ changes: recorded.changes, stations: recorded.stations, timeZone: 'Europe/Oslo', at });
    const { day, night } = summariseCauses(recorded.changes, verdicts, 'Europe/Oslo');
    const share = (bikes: number) => bikes / day.total;
    expect(share(day.bikes.riders)).toBeGreaterThan(0.8);
    expect(share(day.bikes.rebalancing)).toBeGreaterThan(0.1);
    expect(share(day.bikes.rebalancing)).toBeLessThan(0.2);
    expect(share(day.bikes.glitch)).toBeLessThan(0.01);
    expect(night.total).toBeLessThan(day.total / 100); // the system all but sleeps from 01 to 05

    recorded.changes.forEach((change, i) => {
      const verdict = verdicts[i];
      const capacity = recorded.stations.get(change.stationId)?.capacity ?? Infinity;
      if (verdict?.rule === 'above-capacity') expect(Math.max(change.bikes, change.prevBikes)).toBeGreaterThan(capacity);
      if (verdict?.rule === 'zero-zero') expect([change.bikes + (change.docks ?? 1), change.prevBikes + (change.prevDocks ?? 1)]).toContain(0);
    });
  }, 60_000);
});
