'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useI18n } from '@/components/i18n/locale-provider';
import { formatNumber } from '@/lib/i18n/format-number';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { stationHref } from '@/lib/http/routes';
import { useSystemReport } from '@/lib/hooks/use-report';
import { REPORT_DAYS, REPORT_SORTS, type ReportDays, type ReportSort } from '@/lib/stations/insights/report-card/report-sorts';
import { formatMinutes } from '@/lib/time/format-time';
import { ToggleButtons } from '@/components/ui/toggle-buttons';

/** Every station's report card as a table, worst first by the sort in the address (`?sort=`), so a ranking can be shared. */
export function WorstStations({ systemId, sort, days }: { systemId: string; sort: ReportSort; days: ReportDays }) {
  const { locale } = useI18n();
  const words = insightMessagesFor(locale).report;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { data, error, isLoading } = useSystemReport(systemId, days, sort);
  const go = (changes: Record<string, string>) => {
    const query = new URLSearchParams(searchParams?.toString() ?? '');
    for (const [key, value] of Object.entries(changes)) query.set(key, value);
    router.replace(`${pathname}?${query}`, { scroll: false });
  };
  const minutes = (value: number) => formatMinutes(value, locale);
  return (
    <section aria-labelledby="worst-heading" className="space-y-3" data-testid="worst-stations">
      <h1 id="worst-heading" className="text-xl font-semibold sm:text-2xl">{words.worstHeading}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{words.worstIntro}</p>
      <div className="flex flex-wrap items-center gap-3">
        <ToggleButtons options={REPORT_DAYS} value={days} onChange={(value) => go({ days: String(value) })} label={words.daysLabel} name={words.days} />
        <label className="flex items-center gap-1 text-sm">
          {words.sortLabel}
          <select value={sort} onChange={(event) => go({ sort: event.target.value })} className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700">
            {REPORT_SORTS.map((option) => <option key={option} value={option}>{words.sorts[option]}</option>)}
          </select>
        </label>
      </div>
      {isLoading && !data && <p className="text-sm text-slate-500">{words.loading}</p>}
      {error && <p role="status" className="text-sm text-amber-700 dark:text-amber-400">{words.failed}</p>}
      {data && data.stations.length === 0 && <p className="text-sm">{words.noStations}</p>}
      {data && data.stations.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm tabular-nums">
            <thead className="text-left text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2">{words.station}</th>
                <th scope="col" className="px-2">{words.empty}</th>
                <th scope="col" className="px-2">{words.full}</th>
                <th scope="col" className="px-2">{words.longestEmpty}</th>
                <th scope="col" className="px-2">{words.usable}</th>
                <th scope="col" className="px-2">{words.riders}</th>
                <th scope="col" className="px-2">{words.trucks}</th>
                <th scope="col" className="px-2">{words.glitches}</th>
                <th scope="col" className="px-2" title={words.silentHint}>{words.silent}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {data.stations.map((card) => (
                <tr key={card.stationId} data-station={card.stationId}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    <Link href={stationHref(systemId, card.stationId)} prefetch={false} className="hover:underline">{card.name ?? card.stationId}</Link>
                  </th>
                  <td className="px-2">{minutes(card.emptyMinutes)}</td>
                  <td className="px-2">{minutes(card.fullMinutes)}</td>
                  <td className="px-2">{minutes(card.longestEmptyMinutes)}</td>
                  <td className="px-2">{card.usableDaytimeShare === null ? '–' : `${formatNumber(card.usableDaytimeShare * 100, locale)} %`}</td>
                  <td className="px-2">{card.rentals} / {card.returns}</td>
                  <td className="px-2">{card.truckIn} / {card.truckOut}</td>
                  <td className="px-2">{card.glitches}</td>
                  <td className="px-2">{minutes(card.silentMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
