'use client';

import dynamic from 'next/dynamic';
import { useCallback, useMemo, useState } from 'react';
import { usePrefersDark } from '@/lib/hooks/use-prefers-dark';
import { useStations } from '@/lib/hooks/use-stations';
import { ChangesToggle } from './changes-toggle';
import { LinksInNewTab } from './links-in-new-tab';
import { MapAttribution } from './map-attribution';
import { useMapFocus } from './map-focus';
import { MapLegend } from './map-legend';
import { hasPosition, type PanRequest, type PlacedStation } from './placed-station';
import { StationSearch } from './station-search';
import { tiles } from './tile-config';

// Leaflet touches `window` when imported: load it in the browser only, and start fetching it as
// soon as this module runs (during hydration) rather than when the first render asks for it.
const loadLeafletMap = () => import('./leaflet-map');
if (typeof window !== 'undefined') void loadLeafletMap();
const LeafletMap = dynamic(loadLeafletMap, { ssr: false });

export type MapTheme = 'light' | 'dark' | 'system';

interface Props {
  systemId: string;
  focusStationId?: string | null;
  theme?: MapTheme;
  legendOpen?: boolean;
  /** Station links open in a new tab (the embed: the full site cannot be framed). */
  linksInNewTab?: boolean;
  /** A search box that moves the map to a station: the way onto the map without a mouse. */
  search?: boolean;
  /** New changes flash at their stations, and a toggle shows the last minutes' changes. */
  changes?: boolean;
}

/** How far back the changes layer reaches, in feed minutes. */
const RECENT_MINUTES = 15;

/** The live station map: markers refresh with the feed; `data-markers` tells tests how many were drawn. */
export function StationMap({ systemId, focusStationId = null, theme = 'system', legendOpen = true, linksInNewTab = false, search = false, changes = false }: Props) {
  const { data } = useStations(systemId);
  const [markers, setMarkers] = useState<number | null>(null);
  const onDrawn = useCallback((count: number) => setMarkers(count), []);
  const [selectedId, setSelectedId] = useState(focusStationId);
  // Only the popup that closed may clear the selection: switching stations also closes the old one.
  const onClose = useCallback((stationId: string) => setSelectedId((current) => (current === stationId ? null : current)), []);
  const [panTo, setPanTo] = useState<PanRequest | null>(null);
  const onChoose = useCallback((station: PlacedStation) => {
    setSelectedId(station.stationId);
    setPanTo({ lat: station.lat, lon: station.lon });
  }, []);
  const placed = useMemo(() => data?.stations.filter(hasPosition) ?? [], [data]);
  const focus = useMapFocus();
  const [recentOn, setRecentOn] = useState(false);
  // A feed item asked to show its station: pan there and open its popup, as the search does. Handled
  // while rendering, once per request (React's way to follow a changed input without an effect).
  const showRequest = focus?.request ?? null;
  const [handledRequest, setHandledRequest] = useState(showRequest);
  if (showRequest !== handledRequest) {
    setHandledRequest(showRequest);
    const station = showRequest && placed.find((candidate) => candidate.stationId === showRequest.stationId);
    if (station) onChoose(station);
  }
  const prefersDark = usePrefersDark();
  const dark = theme === 'dark' || (theme === 'system' && prefersDark);
  const tileUrl = dark ? tiles.darkUrl : tiles.url;
  return (
    <div
      data-testid="station-map"
      data-markers={markers ?? undefined}
      data-tiles={dark && tileUrl && !tiles.darkStyled ? 'inverted' : undefined}
      className="relative isolate h-full w-full overflow-hidden bg-slate-200 dark:bg-slate-800"
    >
      {data && (
        <LinksInNewTab value={linksInNewTab}>
          {search && <StationSearch stations={placed} onChoose={onChoose} />}
          <LeafletMap
            stations={data.stations}
            systemId={data.system.systemId}
            timeZone={data.system.timezone}
            focusStationId={focusStationId}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onClose={onClose}
            panTo={panTo}
            tileUrl={tileUrl}
            onDrawn={onDrawn}
            changes={changes ? { ttlSeconds: data.system.ttlSeconds, highlightedId: focus?.hoveredId ?? null, recentMinutes: recentOn ? RECENT_MINUTES : null } : null}
          />
          {changes && <ChangesToggle minutes={RECENT_MINUTES} on={recentOn} onChange={setRecentOn} />}
          <MapLegend open={legendOpen} />
          <MapAttribution system={data.system} tileUrl={tileUrl} />
        </LinksInNewTab>
      )}
    </div>
  );
}
