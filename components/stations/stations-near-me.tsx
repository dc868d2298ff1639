'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { formatDistance, nearest } from '@/lib/geo/nearest';
import { useStations } from '@/lib/hooks/use-stations';
import { stationHref } from '@/lib/http/routes';
import { stationLabel } from '@/lib/stations/station-table';

const COUNT = 5;

type Failure = 'blocked' | 'unknown' | 'unsupported';
type Where = { kind: 'idle' } | { kind: 'locating' } | { kind: 'found'; lat: number; lon: number } | { kind: 'failed'; reason: Failure };

const failure = (error: GeolocationPositionError): Failure => (error.code === error.PERMISSION_DENIED ? 'blocked' : 'unknown');

/** The reader's position stays in the browser: the distances are worked out here, from stations already loaded. */
export function StationsNearMe({ systemId }: { systemId: string }) {
  const stations = useStations(systemId).data?.stations;
  const [where, setWhere] = useState<Where>({ kind: 'idle' });
  const { locale, t } = useI18n();
  const found = useMemo(() => (where.kind === 'found' && stations ? nearest(stations, where, COUNT) : []), [where, stations]);

  function locate() {
    if (!('geolocation' in navigator)) return setWhere({ kind: 'failed', reason: 'unsupported' });
    setWhere({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => setWhere({ kind: 'found', lat: coords.latitude, lon: coords.longitude }),
      (error) => setWhere({ kind: 'failed', reason: failure(error) }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <section aria-labelledby="near-me-heading" data-testid="stations-near-me" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="near-me-heading" className="text-base font-semibold">
          {t.nearMe.heading}
        </h2>
        <button
          type="button"
          onClick={locate}
          disabled={where.kind === 'locating'}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-900"
        >
          {where.kind === 'locating' ? t.nearMe.locating : t.nearMe.button}
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-500 dark:text-slate-400">
        {where.kind === 'failed' ? t.nearMe[where.reason] : where.kind === 'found' ? t.nearMe.found(found.length) : t.nearMe.privacy}
      </p>
      {found.length > 0 && (
        <ol className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
          {found.map(({ place, meters }) => (
            <li key={place.stationId} className="flex items-baseline gap-2 py-1">
              <Link href={stationHref(systemId, place.stationId)} prefetch={false} className="min-w-0 flex-1 truncate hover:underline">
                {stationLabel(place)}
              </Link>
              <span className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                {place.reporting ? `${t.counts.bikes(place.bikes)} · ` : ''}
                {formatDistance(meters, locale)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
