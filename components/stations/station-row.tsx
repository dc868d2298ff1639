import Link from 'next/link';
import { memo } from 'react';
import { LevelSwatch } from '@/components/map/level-swatch';
import { LEVEL_STYLES } from '@/components/map/marker-style';
import { formatDate, formatTime } from '@/components/station/format';
import { useI18n } from '@/components/i18n/locale-provider';
import type { StationJson } from '@/lib/api/api-types';
import { availabilityLevel } from '@/lib/stations/availability';
import { stationHref } from '@/lib/http/routes';
import { sameStation, stationLabel } from '@/lib/stations/station-table';

const count = (value: number | null) => (value === null ? '–' : value);

function StationRowView({ station, systemId, timeZone }: { station: StationJson; systemId: string; timeZone: string }) {
  const level = availabilityLevel(station);
  const { locale, t } = useI18n();
  return (
    <tr
      data-station-id={station.stationId}
      data-reporting={station.reporting}
      className={`border-t border-slate-200 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900 ${station.reporting ? '' : 'text-slate-400 dark:text-slate-500'}`}
    >
      <th scope="row" className="px-1 py-1.5 text-left font-normal wrap-anywhere sm:px-2 sm:wrap-normal">
        <Link href={stationHref(systemId, station.stationId)} prefetch={false} className="underline-offset-2 hover:underline">
          {stationLabel(station)}
        </Link>
      </th>
      <td className="px-1 py-1.5 sm:px-2 text-right tabular-nums">{station.bikes}</td>
      <td className="px-1 py-1.5 sm:px-2 text-right tabular-nums">{count(station.ebikes)}</td>
      <td className="px-1 py-1.5 sm:px-2 text-right tabular-nums">{count(station.docks)}</td>
      <td className="px-1 py-1.5 sm:px-2" data-level={level}>
        {station.reporting ? (
          <span className="inline-flex items-center gap-1.5" title={t.levels[level]}>
            <LevelSwatch style={LEVEL_STYLES[level]} size={14} />
            <span className="sr-only sm:not-sr-only">{t.levels[level]}</span>
          </span>
        ) : (
          <span data-testid="not-reporting" className="text-xs">
            {t.table.notReportingSince}{' '}
            <time dateTime={station.reportedAt}>
              {formatDate(new Date(station.reportedAt), timeZone, locale)}, {formatTime(new Date(station.reportedAt), timeZone, locale)}
            </time>
          </span>
        )}
      </td>
    </tr>
  );
}

export const StationRow = memo(
  StationRowView,
  (before, after) => before.systemId === after.systemId && before.timeZone === after.timeZone && sameStation(before.station, after.station),
);
