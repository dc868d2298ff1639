import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StationJson } from '@/lib/api-types';
import { SelectedStationPopup } from './selected-station-popup';
import { StationMarker, type PlacedStation } from './station-marker';

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
  const placed = useMemo(() => stations.filter(hasPosition), [stations]);
  const [selectedId, setSelectedId] = useState(focusStationId);
  const selected = selectedId === null ? undefined : placed.find((station) => station.stationId === selectedId);
  const onSelect = useCallback((stationId: string) => setSelectedId(stationId), []);
  // Only the popup that closed may clear the selection: switching stations also closes the old one.
  const onClose = useCallback((stationId: string) => setSelectedId((current) => (current === stationId ? null : current)), []);
  useEffect(() => {
    // Leaflet redraws its canvas on the next animation frame; this frame comes after that one.
    const frame = requestAnimationFrame(() => onDrawn(placed.length));
    return () => cancelAnimationFrame(frame);
  }, [placed, onDrawn]);
  return (
    <>
      {placed.map((station) => (
        <StationMarker key={station.stationId} station={station} onSelect={onSelect} />
      ))}
      {selected && <SelectedStationPopup key={selected.stationId} station={selected} systemId={systemId} timeZone={timeZone} onClose={onClose} />}
    </>
  );
}
