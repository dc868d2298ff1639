'use client';

import { describeDelta } from '@/components/changes/change-description';
import { formatClock } from '@/lib/time/format-time';
import { useStation } from '@/lib/hooks/use-station';
import { useStationChanges } from '@/lib/hooks/use-station-changes';
import { formatDay, isSameLocalDay } from './format';

/** The station's latest changes, newest first: "+2 bikes · 12:03:15". */
export function StationChanges({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { data: station } = useStation(systemId, stationId);
  const { data } = useStationChanges(systemId, stationId, station?.system.ttlSeconds ?? 10);
  if (!data || !station) return null;
  const { timezone, polledAt } = station.system;
  const today = new Date(polledAt);

  return (
    <section aria-labelledby="station-changes-heading" className="space-y-2">
      <h2 id="station-changes-heading" className="text-lg font-semibold">
        Recent changes
      </h2>
      {data.changes.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No changes yet. They appear here as the station reports.</p>}
      <ol data-testid="station-changes" className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {data.changes.map((change) => {
          const at = new Date(change.reportedAt);
          const day = isSameLocalDay(at, today, timezone) ? '' : `${formatDay(at, timezone)}, `;
          return (
            <li key={change.reportedAt} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
              <span className="font-medium tabular-nums">{describeDelta(change.bikes, change.prevBikes, 'bike') ?? describeDelta(change.docks, change.prevDocks, 'dock')}</span>
              <span aria-hidden="true">·</span>
              <time className="tabular-nums text-slate-600 dark:text-slate-400" dateTime={change.reportedAt}>
                {day}
                {formatClock(change.reportedAt, timezone)}
              </time>
              <span className="ml-auto tabular-nums text-slate-500 dark:text-slate-400">
                {change.bikes} {change.bikes === 1 ? 'bike' : 'bikes'}
                {change.docks !== null && `, ${change.docks} ${change.docks === 1 ? 'dock' : 'docks'}`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
