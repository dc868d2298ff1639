'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DownloadLinks } from '@/components/export/download-links';
import { useI18n } from '@/components/i18n/locale-provider';
import { ToggleButtons } from '@/components/ui/toggle-buttons';
import { formatNumber } from '@/lib/i18n/format-number';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { ACTIVITY_RANGES, type ActivityRange } from '@/lib/hooks/insight-keys';
import { useActivity } from '@/lib/hooks/use-activity';
import { systemChangesExportHref } from '@/lib/http/routes';
import { formatClock } from '@/lib/time/format-time';
import { ActivityChart } from './activity-chart';

/** What riders and trucks did today or this week, with the numbers in one sentence above the chart. */
export function ActivityPanel({ systemId, timeZone }: { systemId: string; timeZone: string }) {
  const { locale, t } = useI18n();
  const words = insightMessagesFor(locale).activity;
  const [range, setRange] = useState<ActivityRange>('today');
  const { data, error, isLoading } = useActivity(systemId, range, timeZone);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby="activity-heading" className="space-y-3" data-testid="activity-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="activity-heading" className="text-lg font-semibold">{words.heading}</h2>
        <ToggleButtons options={ACTIVITY_RANGES} value={range} onChange={setRange} label={words.rangeLabel} name={(option) => words.ranges[option]} />
      </div>
      {isLoading && !data && <p className="text-sm text-slate-500">{words.loading}</p>}
      {error && <p role="status" className="text-sm text-amber-700 dark:text-amber-400">{words.failed}</p>}
      {data && (
        <>
          <p data-testid="activity-headline" className="text-base">
            {words.headline(n(data.totals.rentals), n(data.totals.returns), n(data.totals.rebalancedIn + data.totals.rebalancedOut), data.bucket === '15m')}{' '}
            {data.totals.glitches > 0 && <span className="text-slate-600 dark:text-slate-400">{words.glitches(n(data.totals.glitches), data.totals.glitches)}</span>}
          </p>
          <ActivityChart buckets={data.buckets} bucket={data.bucket} timeZone={timeZone} locale={locale} words={words} />
          <DownloadLinks href={(format) => systemChangesExportHref(systemId, data.from, data.to, format)} title={t.download.changesTitle} />
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {data.classifiedThrough ? words.settledUntil(formatClock(data.classifiedThrough, timeZone, locale)) : words.notYet}
          </p>
        </>
      )}
      <Link href={`/stations?system=${encodeURIComponent(systemId)}&sort=empty-minutes`} className="inline-block text-sm underline">
        {words.worstLink}
      </Link>
    </section>
  );
}
