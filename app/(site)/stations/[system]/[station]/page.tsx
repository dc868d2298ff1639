import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AtomFeedLink } from '@/components/feeds/atom-feed-link';
import { feedAlternates } from '@/components/feeds/feed-alternates';
import { getI18n } from '@/components/i18n/server-i18n';
import { AvailabilityChart } from '@/components/station/availability-chart';
import { StationReportCard } from '@/components/report-card/station-report-card';
import { StationChanges } from '@/components/station/station-changes';
import { StationDayStats } from '@/components/station/station-day-stats';
import { StationIdentityHistory } from '@/components/station/station-identity-history';
import { StationLocation } from '@/components/station/station-location';
import { StationLiveStream } from '@/components/station/station-live-stream';
import { StationStatus } from '@/components/station/station-status';
import { SwrFallback } from '@/components/swr/swr-fallback';
import { SimulatedBanner } from '@/components/system-status/simulated-banner';
import { toChangeJson } from '@/lib/api/api-json';
import { getDb } from '@/lib/db/server-db';
import { STATION_CHANGES_SHOWN, stationChangesKey, stationHistoryFallbackKey, stationKey } from '@/lib/hooks/station-keys';
import type { RangeHistory } from '@/lib/hooks/use-station-history';
import { pathIdsSchema } from '@/lib/http/params';
import { loadStationResponse, toStationHistoryResponse } from '@/lib/http/station-page';
import { listStationChanges } from '@/lib/queries/changes';
import { getStationHistoryPage } from '@/lib/queries/history';
import { homeHref, stationFeedHref } from '@/lib/http/routes';
import { getStationOnce } from './station-lookup';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ system: string; station: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ids = pathIdsSchema.safeParse(await params);
  const station = ids.success ? await getStationOnce(ids.data.system, ids.data.station) : null;
  const { t, locale } = await getI18n();
  if (!station || !ids.success) return { title: t.titles.stationNotFound };
  return { title: station.name ?? station.stationId, alternates: feedAlternates(stationFeedHref(ids.data.system, ids.data.station, locale), locale) };
}

export default async function StationPage({ params }: Props) {
  const ids = pathIdsSchema.safeParse(await params);
  if (!ids.success) notFound();
  const { system: systemId, station: stationId } = ids.data;
  const db = getDb();
  const now = new Date();
  const from = new Date(now.getTime() - 24 * 3600_000);
  const [live, historyPage, changes] = await Promise.all([
    loadStationResponse(db, systemId, stationId, now, getStationOnce),
    getStationHistoryPage(db, systemId, stationId, from, now),
    listStationChanges(db, systemId, stationId, STATION_CHANGES_SHOWN),
  ]);
  if (!live) notFound();
  const { station, system } = live;
  const history: RangeHistory = { ...toStationHistoryResponse({ systemId, stationId }, from, now, station.capacity, historyPage), range: '24h' };
  const fallback = {
    [stationKey(systemId, stationId)]: live,
    [stationChangesKey(systemId, stationId)]: { changes: changes.map(toChangeJson) },
    [stationHistoryFallbackKey(systemId, stationId, '24h')]: history,
  };
  const name = station.name ?? station.stationId;
  const { t, locale } = await getI18n();

  return (
    <SwrFallback fallback={fallback}>
      {system.simulated && <SimulatedBanner />}
      <StationLiveStream systemId={systemId} stationId={stationId} />
      <main className="mx-auto max-w-6xl space-y-6 p-3 sm:p-6">
        <header className="space-y-1">
          <Link href={homeHref(systemId)} className="text-sm text-slate-600 underline-offset-2 hover:underline dark:text-slate-400">
            ← {system.name}
          </Link>
          <h1 className="text-2xl font-semibold sm:text-3xl">{name}</h1>
          <p className="text-slate-600 dark:text-slate-400">
            {station.address && <span data-testid="station-address">{station.address} · </span>}
            <span className="text-sm">{t.station.id(station.stationId)}</span>
          </p>
          <AtomFeedLink href={stationFeedHref(systemId, stationId, locale)} label="stationLink" />
        </header>
        <StationStatus systemId={systemId} stationId={stationId} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-start-3 lg:row-start-1">
            <StationDayStats systemId={systemId} stationId={stationId} />
            <StationReportCard systemId={systemId} stationId={stationId} />
            <StationLocation lat={station.lat} lon={station.lon} name={name} />
            <StationIdentityHistory systemId={systemId} stationId={stationId} />
          </div>
          <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
            <AvailabilityChart systemId={systemId} stationId={stationId} timeZone={system.timezone} />
            <StationChanges systemId={systemId} stationId={stationId} />
          </div>
        </div>
      </main>
    </SwrFallback>
  );
}
