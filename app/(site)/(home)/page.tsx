import { notFound } from 'next/navigation';
import { LiveView } from '@/components/dashboard/live-view';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { getDb } from '@/lib/db/server-db';
import { loadLivePage } from '@/lib/http/live-page-data';

export const dynamic = 'force-dynamic';

export default async function LiveViewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadLivePage(getDb(), (await searchParams).system, { changes: true });
  if (page.kind === 'none') return <WaitingForData />;
  if (page.kind === 'unknown') notFound();
  return (
    <SwrFallback fallback={page.fallback}>
      <LiveView system={page.system} />
    </SwrFallback>
  );
}
