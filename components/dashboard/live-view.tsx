import Link from 'next/link';
import { getI18n } from '@/components/i18n/server-i18n';
import { ChangeFeed } from '@/components/changes/change-feed';
import { StationsNearMe } from '@/components/stations/stations-near-me';
import { MapFocusProvider } from '@/components/map/map-focus';
import { StationMap } from '@/components/map/station-map';
import { LiveStream } from './live-stream';
import { ConnectionNotice } from '@/components/system-status/connection-notice';
import { FreshnessBadge } from '@/components/system-status/freshness-badge';
import { LiveTotals } from '@/components/system-status/live-totals';
import { SimulatedBanner } from '@/components/system-status/simulated-banner';
import { SystemSwitcher } from '@/components/system-status/system-switcher';
import type { SystemJson } from '@/lib/api/api-types';

/** The live view's frame: map filling the window, the feed beside it (below it on a phone). */
export async function LiveView({ system }: { system: SystemJson }) {
  const { systemId } = system;
  const { t } = await getI18n();
  return (
    <div className="flex flex-col lg:h-[calc(100dvh-var(--header-height))]">
      {system.simulated && <SimulatedBanner />}
      <LiveStream systemId={systemId} />
      <MapFocusProvider>
        <main className="flex min-h-0 flex-1 flex-col lg:flex-row">
          <section aria-label={t.live.mapLabel} className="relative h-[62dvh] min-h-72 lg:h-auto lg:min-w-0 lg:flex-1">
            <StationMap systemId={systemId} search changes />
            <ConnectionNotice systemId={systemId} className="absolute top-2 left-1/2 z-[1000] w-max max-w-[calc(100%-5rem)] -translate-x-1/2" />
          </section>
          <aside className="space-y-4 border-slate-200 p-3 sm:p-4 lg:w-96 lg:shrink-0 lg:overflow-y-auto lg:border-l dark:border-slate-800">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h1 className="text-xl font-semibold">{system.name}</h1>
              <FreshnessBadge systemId={systemId} />
            </div>
            <SystemSwitcher systemId={systemId} />
            <LiveTotals systemId={systemId} />
            <StationsNearMe systemId={systemId} />
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {t.live.tableNoteBefore}
              <Link href={`/stations?system=${encodeURIComponent(systemId)}`} className="underline">
                {t.live.tableNoteLink}
              </Link>
              {t.live.tableNoteAfter}
            </p>
            <section aria-labelledby="changes-heading">
              <h2 id="changes-heading" className="mb-1 text-base font-semibold">
                {t.live.latestChanges}
              </h2>
              <ChangeFeed key={systemId} systemId={systemId} timeZone={system.timezone} ttlSeconds={system.ttlSeconds} />
            </section>
          </aside>
        </main>
      </MapFocusProvider>
    </div>
  );
}
