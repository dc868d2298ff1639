import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server-i18n';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { WorstStations } from '@/components/report-card/worst-stations';
import { StationTable } from '@/components/stations/station-table';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { ConnectionNotice } from '@/components/system-status/connection-notice';
import { FreshnessBadge } from '@/components/system-status/freshness-badge';
import { SystemSwitcher } from '@/components/system-status/system-switcher';
import { getDb } from '@/lib/db/server-db';
import { insightMessagesFor } from '@/lib/i18n/messages/insights';
import { loadLivePage } from '@/lib/http/live-page-data';
import { reportParamsSchema } from '@/lib/http/report-params';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.titles.stations };
}

export default async function StationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const page = await loadLivePage(getDb(), query.system, { changes: false });
  if (page.kind === 'none') return <WaitingForData />;
  if (page.kind === 'unknown') notFound();
  const { systemId, name } = page.system;
  const { locale, t } = await getI18n();
  // ?sort= names a report card order: the worst stations by it, instead of the live table.
  const report = typeof query.sort === 'string' ? reportParamsSchema.safeParse({ sort: query.sort, days: typeof query.days === 'string' ? query.days : undefined }) : null;
  if (report?.success) {
    return (
      <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6">
        <SystemSwitcher systemId={systemId} />
        <WorstStations systemId={systemId} sort={report.data.sort} days={report.data.days} />
      </main>
    );
  }
  return (
    <SwrFallback fallback={page.fallback}>
      <main className="mx-auto max-w-4xl space-y-4 p-3 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-xl font-semibold sm:text-2xl">
            {t.titles.stations} · {name}
          </h1>
          <FreshnessBadge systemId={systemId} />
        </div>
        <SystemSwitcher systemId={systemId} />
        <Link href={`/stations?system=${encodeURIComponent(systemId)}&sort=empty-minutes`} className="inline-block text-sm underline">
          {insightMessagesFor(locale).activity.worstLink}
        </Link>
        <ConnectionNotice systemId={systemId} />
        <StationTable systemId={systemId} />
      </main>
    </SwrFallback>
  );
}
