'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { availabilityLevel } from '@/lib/stations/availability';
import { formatClock } from '@/lib/time/format-time';
import { useStation } from '@/lib/hooks/use-station';
import { formatWhen } from './format';
import { StationFlags } from './station-flags';

const LEVEL_CLASSES = {
  empty: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  low: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  full: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
  closed: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
} as const;

const show = (value: number | null) => (value === null ? '–' : String(value));

/** The station right now: counts, flags, and whether it is still reporting. */
export function StationStatus({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { data } = useStation(systemId, stationId);
  const { locale, t } = useI18n();
  if (!data) return null;
  const { station, system } = data;
  const level = availabilityLevel(station);
  const reportedAt = new Date(station.reportedAt);
  const tiles: [string, string, number | null][] = [
    ['bikes', t.labels.bikes, station.bikes],
    ['ebikes', t.labels.ebikes, station.ebikes],
    ['docks', t.labels.freeDocks, station.docks],
    ['capacity', t.labels.capacity, station.capacity],
  ];

  return (
    <section data-testid="station-status" data-level={level} aria-label={t.station.liveStatus} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="station-level" className={`rounded-full px-3 py-1 text-sm font-medium ${LEVEL_CLASSES[level]}`}>
          {t.levels[level]}
        </span>
        {station.reporting ? (
          <p data-testid="station-reporting" data-reporting="true" className="text-sm text-slate-600 dark:text-slate-400">
            {t.station.lastReport} <time dateTime={station.reportedAt}>{formatClock(station.reportedAt, system.timezone, locale)}</time>
          </p>
        ) : (
          <p data-testid="station-reporting" data-reporting="false" role="status" className="rounded-md bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {t.station.notReportingSince} <time dateTime={station.reportedAt}>{formatWhen(reportedAt, system.timezone, new Date(system.polledAt), locale)}</time>
          </p>
        )}
      </div>
      {system.stale && system.statusUpdatedAt && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          {t.station.feedStale(formatWhen(new Date(system.statusUpdatedAt), system.timezone, new Date(system.polledAt), locale))}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {tiles.map(([key, label, value]) => (
          <div key={key} className="rounded-lg bg-slate-100 p-3 dark:bg-slate-900">
            <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
            <dd data-stat={key} className="text-3xl font-semibold tabular-nums">
              {show(value)}
            </dd>
          </div>
        ))}
      </dl>
      <StationFlags isInstalled={station.isInstalled} isRenting={station.isRenting} isReturning={station.isReturning} />
    </section>
  );
}
