import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server-i18n';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { StationTable } from '@/components/stations/station-table';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { ConnectionNotice } from '@/components/system-status/connection-notice';
import { FreshnessBadge } from '@/components/system-status/freshness-badge';
import { SystemSwitcher } from '@/components/system-status/system-switcher';
import { getDb } from '@/lib/db/client';
import { loadLivePage } from '@/lib/http/live-page-data';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.titles.stations };
}

export default async function StationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadLivePage(getDb(), (await searchParams).system, { changes: false });
  if (page.kind === 'none') return <WaitingForData />;
  if (page.kind === 'unknown') notFound();
  const { systemId, name } = page.system;
  const { t } = await getI18n();
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
        <ConnectionNotice systemId={systemId} />
        <StationTable systemId={systemId} />
      </main>
    </SwrFallback>
  );
}
