import type { Metadata } from 'next';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { SystemHealthList } from '@/components/feed-health/system-health-list';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { getDb } from '@/lib/db/client';
import { SYSTEMS_KEY } from '@/lib/hooks/keys';
import { withFeedHealth } from '@/lib/http/systems-health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Systems' };

export default async function SystemsPage() {
  const db = getDb();
  const systems = await withFeedHealth(db, await listSystems(db));
  if (systems.length === 0) return <WaitingForData />;
  return (
    <SwrFallback fallback={{ [SYSTEMS_KEY]: { systems } }}>
      <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6">
        <h1 className="text-xl font-semibold sm:text-2xl">Systems · feed health</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each feed is checked against the official GBFS JSON Schema of the version it declares (2.3 for older versions). A station is not reporting once its latest
          report is older than the feed&apos;s latest update by more than the heartbeat plus three ttls.
        </p>
        <SystemHealthList />
      </main>
    </SwrFallback>
  );
}
