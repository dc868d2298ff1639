'use client';

import { useState } from 'react';
import { useI18n } from '@/components/i18n/locale-provider';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { useStationReport } from '@/lib/hooks/use-report';
import { REPORT_DAYS, type ReportDays } from '@/lib/stations/insights/report-card/report-sorts';
import { ToggleButtons } from '@/components/ui/toggle-buttons';
import { reportFigures } from './report-figures';

/** How the station fared today, this week or this month: time empty and full, who moved its bikes, silent spells. */
export function StationReportCard({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { locale } = useI18n();
  const words = insightMessagesFor(locale).report;
  const [days, setDays] = useState<ReportDays>(7);
  const { data, error, isLoading } = useStationReport(systemId, stationId, days);
  const card = data?.stations[0];
  return (
    <section aria-labelledby="report-card-heading" className="space-y-2" data-testid="report-card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="report-card-heading" className="text-lg font-semibold">{words.heading}</h2>
        <ToggleButtons options={REPORT_DAYS} value={days} onChange={setDays} label={words.daysLabel} name={words.days} />
      </div>
      {isLoading && !data && <p className="text-sm text-slate-500">{words.loading}</p>}
      {error && <p role="status" className="text-sm text-amber-700 dark:text-amber-400">{words.failed}</p>}
      {data && !card && <p className="text-sm text-slate-600 dark:text-slate-400">{words.none}</p>}
      {data && card && (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            {reportFigures(card, words, locale).map((figure) => (
              <div key={figure.key} data-figure={figure.key} title={figure.hint}>
                <dt className="text-slate-500 dark:text-slate-400">{figure.label}</dt>
                <dd className="font-semibold tabular-nums">{figure.value}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-slate-500 dark:text-slate-400">{words.partial(data.from, data.to)}</p>
        </>
      )}
    </section>
  );
}
