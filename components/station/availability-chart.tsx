'use client';

import { useId, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import type { HistoryRange } from '@/lib/hooks/station-keys';
import { DownloadLinks } from '@/components/export/download-links';
import { useStationHistory } from '@/lib/hooks/use-station-history';
import { stationHistoryExportHref } from '@/lib/http/routes';
import { summarizeRange, toChartSeries } from '@/lib/stations/station-series';
import { AvailabilitySummary } from './availability-summary';
import { RangeToggle } from './range-toggle';
import { UplotChart } from './uplot-chart';

/** Bikes, e-bikes and free docks over the last 24 h or 7 d, as step lines: a count holds until the next report. */
export function AvailabilityChart({ systemId, stationId, timeZone }: { systemId: string; stationId: string; timeZone: string }) {
  const [range, setRange] = useState<HistoryRange>('24h');
  const { data, error, isLoading } = useStationHistory(systemId, stationId, range);
  const summaryId = useId();
  const { locale, t } = useI18n();
  const view = useMemo(() => {
    if (!data) return null;
    const to = new Date(data.to);
    const series = toChartSeries(data.points, to);
    const highest = Math.max(data.capacity ?? 0, ...series.bikes, ...(series.docks ?? []).map((docks) => docks ?? 0));
    return {
      range: data.range,
      series,
      from: Date.parse(data.from) / 1000,
      to: to.getTime() / 1000,
      // A little headroom, so a line at capacity is not drawn on the frame.
      yMax: Math.max(highest, 1) * 1.06,
      summary: summarizeRange(data.points),
      points: series.reports,
    };
  }, [data]);
  const points = view?.points ?? 0;

  return (
    <section aria-labelledby={`${summaryId}-heading`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${summaryId}-heading`} className="text-lg font-semibold">
          {t.station.availability}
        </h2>
        <RangeToggle value={range} onChange={setRange} />
      </div>
      <div
        data-testid="availability-chart"
        data-points={points}
        data-range={view?.range ?? range}
        data-loading={isLoading}
        aria-busy={isLoading}
        aria-describedby={summaryId}
        className="relative min-h-[272px] rounded-lg border border-slate-200 p-2 dark:border-slate-800"
      >
        {view && points > 0 ? (
          <UplotChart series={view.series} timeZone={timeZone} locale={locale} from={view.from} to={view.to} yMax={view.yMax} />
        ) : (
          <p className="flex min-h-[256px] items-center justify-center text-slate-500 dark:text-slate-400">
            {error && !data ? t.station.historyFailed : isLoading && !data ? t.station.loading : t.station.noReports}
          </p>
        )}
        {isLoading && data && (
          <p role="status" className="absolute right-3 top-3 rounded bg-white/90 px-2 py-1 text-xs text-slate-600 dark:bg-slate-900/90 dark:text-slate-300">
            {t.station.loadingRange(range)}
          </p>
        )}
      </div>
      <AvailabilitySummary id={summaryId} summary={view?.summary ?? null} range={view?.range ?? range} />
      {data && <DownloadLinks href={(format) => stationHistoryExportHref(systemId, stationId, data.from, data.to, format)} title={t.download.reportsTitle} />}
    </section>
  );
}
