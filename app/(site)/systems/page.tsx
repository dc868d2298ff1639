import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server-i18n';
import { WaitingForData } from '@/components/dashboard/waiting-for-data';
import { SystemHealthList } from '@/components/feed-health/system-health-list';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { getDb } from '@/lib/db/server-db';
import { SYSTEMS_KEY } from '@/lib/hooks/keys';
import { withFeedHealth } from '@/lib/http/systems-health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.titles.systems };
}

export default async function SystemsPage() {
  const db = getDb();
  const systems = await withFeedHealth(db, await listSystems(db));
  if (systems.length === 0) return <WaitingForData />;
  const { t } = await getI18n();
  return (
    <SwrFallback fallback={{ [SYSTEMS_KEY]: { systems } }}>
      <main className="mx-auto max-w-5xl space-y-4 p-3 sm:p-6">
        <h1 className="text-xl font-semibold sm:text-2xl">{t.systems.heading}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t.systems.intro}</p>
        <SystemHealthList />
      </main>
    </SwrFallback>
  );
}
