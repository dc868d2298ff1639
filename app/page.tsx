import { ChangeList } from '@/components/changes/change-list';
import { SimulatedBanner } from '@/components/system-status/simulated-banner';
import { SystemTotals } from '@/components/system-status/system-totals';
import { systemTotals } from '@/lib/availability';
import { getDb } from '@/lib/db/client';
import { listChanges } from '@/lib/queries/changes';
import { listStationStatus } from '@/lib/queries/stations';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const db = getDb();
  const [system] = await listSystems(db);
  if (!system) {
    return (
      <main className="mx-auto max-w-3xl p-6">
        <h1 className="text-2xl font-semibold">bikestream</h1>
        <p className="mt-4 text-slate-600 dark:text-slate-400">Waiting for the first report from the feed…</p>
      </main>
    );
  }
  const [stations, page] = await Promise.all([listStationStatus(db, system.systemId), listChanges(db, { systemId: system.systemId, limit: 50 })]);
  return (
    <>
      {system.simulated && <SimulatedBanner />}
      <main className="mx-auto max-w-3xl space-y-6 p-6">
        <h1 className="text-2xl font-semibold">{system.name}</h1>
        <SystemTotals totals={systemTotals(stations)} />
        <section>
          <h2 className="mb-2 text-lg font-semibold">Latest changes</h2>
          <ChangeList changes={page.changes} timeZone={system.timezone} />
        </section>
      </main>
    </>
  );
}
