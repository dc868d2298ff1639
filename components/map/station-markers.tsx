import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { StationJson } from '@/lib/api-types';
import { SelectedStationPopup } from './selected-station-popup';
import { createStationLayer, type PlacedStation, type StationLayer } from './station-layer';

export type { PlacedStation } from './station-layer';

export const hasPosition = (station: StationJson): station is PlacedStation => station.lat !== null && station.lon !== null;

interface Props {
  stations: StationJson[];
  systemId: string;
  timeZone: string;
  focusStationId: string | null;
  /** Told how many markers are on the map once the canvas has drawn them. */
  onDrawn: (count: number) => void;
}

export function StationMarkers({ stations, systemId, timeZone, focusStationId, onDrawn }: Props) {
  const map = useMap();
  const placed = useMemo(() => stations.filter(hasPosition), [stations]);
  const [selectedId, setSelectedId] = useState(focusStationId);
  const selected = selectedId === null ? undefined : placed.find((station) => station.stationId === selectedId);
  // Only the popup that closed may clear the selection: switching stations also closes the old one.
  const onClose = useCallback((stationId: string) => setSelectedId((current) => (current === stationId ? null : current)), []);
  const layer = useRef<StationLayer | null>(null);

  useEffect(() => {
    const created = createStationLayer(map, setSelectedId);
    layer.current = created;
    return () => {
      created.remove();
      layer.current = null;
    };
  }, [map]);

  // Runs after the effect above, also when `map` changes, so it always draws into the current layer.
  useEffect(() => {
    const count = layer.current?.show(placed) ?? 0;
    // Leaflet redraws its canvas on the next animation frame; this frame comes after that one.
    const frame = requestAnimationFrame(() => onDrawn(count));
    return () => cancelAnimationFrame(frame);
  }, [map, placed, onDrawn]);

  return selected ? <SelectedStationPopup key={selected.stationId} station={selected} systemId={systemId} timeZone={timeZone} onClose={onClose} /> : null;
}
