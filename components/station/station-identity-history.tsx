'use client';

import { useI18n } from '@/components/i18n/locale-provider';
import { useStation } from '@/lib/hooks/use-station';
import { formatDate } from './format';

/** How the station has changed in the feed: "renamed from X on 2 Sept 2024", "moved 120 m on …". */
export function StationIdentityHistory({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { data } = useStation(systemId, stationId);
  const { locale, t } = useI18n();
  if (!data) return null;
  const { history, system } = data;
  const when = (iso: string) => formatDate(new Date(iso), system.timezone, locale);
  return (
    <section data-testid="station-history" aria-labelledby="station-history-heading" className="space-y-2">
      <h2 id="station-history-heading" className="text-lg font-semibold">
        {t.station.history}
      </h2>
      <ul className="space-y-1 text-sm">
        {history.events.map((event) => (
          <li key={`${event.kind} ${event.at}`} data-testid="station-event" data-kind={event.kind}>
            {t.station.event(event)} {t.station.on}{' '}
            <time dateTime={event.at} className="tabular-nums">
              {when(event.at)}
            </time>
          </li>
        ))}
        {history.since && (
          <li className="text-slate-500 dark:text-slate-400">
            {t.station.inFeedSince} <time dateTime={history.since}>{when(history.since)}</time>
          </li>
        )}
      </ul>
      {history.events.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t.station.noEvents}</p>}
    </section>
  );
}
