import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { EmbedView } from '@/components/embed/embed-view';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { getDb } from '@/lib/db/client';
import { loadLivePage } from '@/lib/http/live-page-data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Live map', robots: { index: false } };

const optionsSchema = z.object({
  station: z.string().max(200).optional().catch(undefined),
  theme: z.enum(['light', 'dark']).optional().catch(undefined),
});

export default async function EmbedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { station, theme } = optionsSchema.parse(params);
  const page = await loadLivePage(getDb(), params.system, { changes: false });
  if (page.kind === 'none') return <WaitingForData />;
  if (page.kind === 'unknown') notFound();
  return (
    <SwrFallback fallback={page.fallback}>
      <EmbedView system={page.system} focusStationId={station ?? null} theme={theme ?? 'system'} />
    </SwrFallback>
  );
}
