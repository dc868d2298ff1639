'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { useStation } from '@/lib/hooks/use-station';
import { formatMinutes } from '@/lib/time/format-time';
import { formatHourMinute, formatTime } from './format';

/** How long the station has been empty and full since local midnight. */
export function StationDayStats({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { data } = useStation(systemId, stationId);
  const { locale, t } = useI18n();
  if (!data) return null;
  const { today, system } = data;
  const since = new Date(today.since);
  const items: [string, string, number][] = [
    ['empty', t.station.empty, today.minutesEmpty],
    ['full', t.station.full, today.minutesFull],
  ];
  return (
    <section
      data-testid="station-day-stats"
      data-minutes-empty={Math.round(today.minutesEmpty)}
      data-minutes-full={Math.round(today.minutesFull)}
      aria-labelledby="station-day-stats-heading"
      className="space-y-2"
    >
      <h2 id="station-day-stats-heading" className="text-lg font-semibold">
        {t.station.today}
      </h2>
      <dl className="grid grid-cols-2 gap-2">
        {items.map(([key, label, minutes]) => (
          <div key={key} className="rounded-lg bg-slate-100 p-3 dark:bg-slate-900">
            <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
            <dd data-minutes={key} className="text-xl font-semibold tabular-nums">
              {formatMinutes(minutes, locale)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatHourMinute(since, system.timezone) === '00:00'
          ? t.station.sinceMidnight(system.timezone)
          : t.station.sinceFirst(formatTime(since, system.timezone, locale), system.timezone)}
      </p>
    </section>
  );
}
