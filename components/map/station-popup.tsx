import Link from 'next/link';
import { use } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import type { StationJson } from '@/lib/api/api-types';
import { availabilityLevel } from '@/lib/stations/availability';
import { formatClock } from '@/lib/time/format-time';
import { stationHref } from '@/lib/http/routes';
import { stationLabel } from '@/lib/stations/station-table';
import { LinksInNewTab } from './links-in-new-tab';

const count = (value: number | null) => (value === null ? '–' : String(value));

export function StationPopup({ station, systemId, timeZone }: { station: StationJson; systemId: string; timeZone: string }) {
  const newTab = use(LinksInNewTab) ? { target: '_blank', rel: 'noopener' } : {};
  const { locale, t } = useI18n();
  return (
    <div className="min-w-44 text-sm" data-testid="station-popup">
      <p className="m-0! text-base font-semibold">{stationLabel(station)}</p>
      <p className="m-0! text-xs text-slate-600 dark:text-slate-300" data-reporting={station.reporting}>
        {station.reporting ? t.levels[availabilityLevel(station)] : t.popup.silent}
      </p>
      <dl className="my-2 grid grid-cols-3 gap-1 text-center">
        {(
          [
            [t.popup.bikes, station.bikes],
            [t.popup.ebikes, station.ebikes],
            [t.popup.docks, station.docks],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="flex flex-col-reverse rounded bg-slate-100 p-1 dark:bg-slate-800">
            <dt className="text-[11px] text-slate-600 dark:text-slate-300">{label}</dt>
            <dd className="m-0 text-lg font-semibold tabular-nums">{count(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="m-0! text-xs text-slate-600 dark:text-slate-300">
        {t.popup.reported} <time dateTime={station.reportedAt}>{formatClock(station.reportedAt, timeZone, locale)}</time>
      </p>
      <Link href={stationHref(systemId, station.stationId)} className="mt-1 inline-block font-medium" {...newTab}>
        {t.popup.details}
      </Link>
    </div>
  );
}
