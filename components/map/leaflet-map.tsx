import 'leaflet/dist/leaflet.css';
import { latLngBounds, type LatLngBoundsExpression, type LatLngTuple } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { useI18n } from '@/components/i18n/locale-provider';
import type { StationJson } from '@/lib/api/api-types';
import { usePrefersReducedMotion } from '@/lib/hooks/use-prefers-reduced-motion';
import { ChangeMarksLayerView } from './change-marks-layer';
import { hasPosition, type PanRequest } from './placed-station';
import { StationMarkers } from './station-markers';

export interface LeafletMapProps {
  stations: StationJson[];
  systemId: string;
  timeZone: string;
  focusStationId: string | null;
  selectedId: string | null;
  onSelect: (stationId: string) => void;
  onClose: (stationId: string) => void;
  panTo: PanRequest | null;
  tileUrl: string | null;
  onDrawn: (count: number) => void;
  /** Changes drawn where they happen (the live view and the embed); null: none. */
  changes: { ttlSeconds: number; highlightedId: string | null; recentMinutes: number | null } | null;
}

const WORLD: { center: LatLngTuple; zoom: number } = { center: [30, 10], zoom: 2 };
const FIT_OPTIONS = { padding: [24, 24] as [number, number], maxZoom: 16 };

function stationBounds(stations: StationJson[]): LatLngBoundsExpression | null {
  const points = stations.filter(hasPosition).map((station): LatLngTuple => [station.lat, station.lon]);
  return points.length > 0 ? latLngBounds(points) : null;
}

function initialView(stations: StationJson[], focusStationId: string | null) {
  const focus = stations.filter(hasPosition).find((station) => station.stationId === focusStationId);
  if (focus) return { center: [focus.lat, focus.lon] as LatLngTuple, zoom: 16 };
  const bounds = stationBounds(stations);
  return bounds ? { bounds, boundsOptions: FIT_OPTIONS } : WORLD;
}

/** Moves the map to a newly chosen system; the map itself stays (re-creating Leaflet is slow and flickers). */
function FitOnSystemChange({ systemId, stations }: { systemId: string; stations: StationJson[] }) {
  const map = useMap();
  const shown = useRef(systemId);
  useEffect(() => {
    if (shown.current === systemId) return;
    shown.current = systemId;
    const bounds = stationBounds(stations);
    if (bounds) map.fitBounds(bounds, FIT_OPTIONS);
  }, [map, systemId, stations]);
  return null;
}

export default function LeafletMap({ stations, systemId, timeZone, focusStationId, selectedId, onSelect, onClose, panTo, tileUrl, onDrawn, changes }: LeafletMapProps) {
  const placed = useMemo(() => stations.filter(hasPosition), [stations]);
  const [view] = useState(() => initialView(stations, focusStationId));
  // Leaflet's options are read once, when the map is made: a later change of setting waits for a reload.
  const animate = !usePrefersReducedMotion();
  const { locale, t } = useI18n();
  return (
    <MapContainer {...view} zoomAnimation={animate} fadeAnimation={animate} markerZoomAnimation={animate} preferCanvas zoomSnap={0.5} zoomControl={false} attributionControl={false} className="station-map h-full w-full">
      {tileUrl && <TileLayer url={tileUrl} />}
      {/* Leaflet reads the titles once: a new language makes a new control. */}
      <ZoomControl key={locale} zoomInTitle={t.map.zoomIn} zoomOutTitle={t.map.zoomOut} />
      <FitOnSystemChange systemId={systemId} stations={stations} />
      <StationMarkers
        stations={stations}
        systemId={systemId}
        timeZone={timeZone}
        selectedId={selectedId}
        onSelect={onSelect}
        onClose={onClose}
        panTo={panTo}
        animate={animate}
        onDrawn={onDrawn}
      />
      {changes && <ChangeMarksLayerView systemId={systemId} stations={placed} {...changes} />}
    </MapContainer>
  );
}
