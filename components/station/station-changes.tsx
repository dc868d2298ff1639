'use client';

import { describeDelta } from '@/components/changes/change-description';
import { useI18n } from '@/components/i18n/locale-provider';
import { CauseBadge } from '@/components/insights/cause-badge';
import { formatClock } from '@/lib/time/format-time';
import { useStation } from '@/lib/hooks/use-station';
import { useStationChanges } from '@/lib/hooks/use-station-changes';
import { formatDay, isSameLocalDay } from './format';

/** The station's latest changes, newest first: "+2 bikes · 12:03:15". */
export function StationChanges({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { data: station } = useStation(systemId, stationId);
  const { locale, t } = useI18n();
  const { data } = useStationChanges(systemId, stationId, station?.system.ttlSeconds ?? 10);
  if (!data || !station) return null;
  const { timezone, polledAt } = station.system;
  const today = new Date(polledAt);

  return (
    <section aria-labelledby="station-changes-heading" className="space-y-2">
      <h2 id="station-changes-heading" className="text-lg font-semibold">
        {t.changes.recent}
      </h2>
      {data.changes.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t.changes.noneAtStation}</p>}
      <ol data-testid="station-changes" className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {data.changes.map((change) => {
          const at = new Date(change.reportedAt);
          const day = isSameLocalDay(at, today, timezone) ? '' : `${formatDay(at, timezone, locale)}, `;
          return (
            <li key={change.reportedAt} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
              <span className="font-medium tabular-nums">{describeDelta(change.bikes, change.prevBikes, t.nouns.bike) ?? describeDelta(change.docks, change.prevDocks, t.nouns.dock)}</span>
              <CauseBadge cause={change.cause} />
              <span aria-hidden="true">·</span>
              <time className="tabular-nums text-slate-600 dark:text-slate-400" dateTime={change.reportedAt}>
                {day}
                {formatClock(change.reportedAt, timezone, locale)}
              </time>
              <span className="ml-auto tabular-nums text-slate-500 dark:text-slate-400">
                {t.counts.bikes(change.bikes)}
                {change.docks !== null && `, ${t.counts.docks(change.docks)}`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
