import { circleMarker, layerGroup, type CircleMarker, type LayerGroup } from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { StationJson } from '@/lib/api-types';
import { availabilityLevel } from '@/lib/availability';
import { sameStation, stationLabel } from '@/lib/station-table';
import { EBIKE_DOT_RADIUS, EBIKE_DOT_STYLE, LEVEL_STYLES, markerRadius, NOT_REPORTING_RADIUS, NOT_REPORTING_STYLE } from './marker-style';
import { SelectedStationPopup } from './selected-station-popup';

export type PlacedStation = StationJson & { lat: number; lon: number };

export const hasPosition = (station: StationJson): station is PlacedStation => station.lat !== null && station.lon !== null;

interface Props {
  stations: StationJson[];
  systemId: string;
  timeZone: string;
  focusStationId: string | null;
  /** Told how many markers are on the map once the canvas has drawn them. */
  onDrawn: (count: number) => void;
}

interface DrawnStation {
  station: PlacedStation;
  marker: CircleMarker;
  ebikeDot: CircleMarker | null;
}

function tooltip(station: StationJson): string {
  if (!station.reporting) return `${stationLabel(station)}: not reporting (last: ${station.bikes} bikes)`;
  const ebikes = station.ebikes ? ` (${station.ebikes} e-bikes)` : '';
  const docks = station.docks === null ? '' : ` · ${station.docks} docks`;
  return `${stationLabel(station)}: ${station.bikes} bikes${ebikes}${docks}`;
}

function styleOf(station: PlacedStation) {
  if (!station.reporting) return { ...NOT_REPORTING_STYLE, radius: NOT_REPORTING_RADIUS };
  const level = availabilityLevel(station);
  return { ...LEVEL_STYLES[level], radius: markerRadius(level, station.bikes) };
}

/** A silent station's last e-bike count is not news: no dot. */
const hasEbikeDot = (station: PlacedStation) => Boolean(station.ebikes) && station.reporting;

const ebikeDotAt = (station: PlacedStation) =>
  circleMarker([station.lat, station.lon], { ...EBIKE_DOT_STYLE, radius: EBIKE_DOT_RADIUS, interactive: false });

/** Updates a drawn station in place, so it keeps its place in the drawing order and its handlers. */
function restyle(layer: LayerGroup, drawn: DrawnStation, station: PlacedStation): void {
  const style = styleOf(station);
  drawn.marker.setLatLng([station.lat, station.lon]).setStyle(style).setRadius(style.radius).setTooltipContent(tooltip(station));
  drawn.ebikeDot?.remove();
  drawn.ebikeDot = hasEbikeDot(station) ? ebikeDotAt(station).addTo(layer) : null;
  drawn.station = station;
}

/**
 * Draws the stations straight onto Leaflet's canvas, one layer group for all of them, and on each
 * refresh restyles only the stations whose numbers changed. (One React component per marker cost
 * seconds of main-thread work at 2,000 stations.)
 */
export function StationMarkers({ stations, systemId, timeZone, focusStationId, onDrawn }: Props) {
  const map = useMap();
  const placed = useMemo(() => stations.filter(hasPosition), [stations]);
  const [selectedId, setSelectedId] = useState(focusStationId);
  const selected = selectedId === null ? undefined : placed.find((station) => station.stationId === selectedId);
  // Only the popup that closed may clear the selection: switching stations also closes the old one.
  const onClose = useCallback((stationId: string) => setSelectedId((current) => (current === stationId ? null : current)), []);
  const group = useRef<LayerGroup | null>(null);
  const drawn = useRef(new Map<string, DrawnStation>());

  useEffect(() => {
    const layer = layerGroup().addTo(map);
    const shown = drawn.current;
    group.current = layer;
    return () => {
      layer.remove();
      shown.clear();
      group.current = null;
    };
  }, [map]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    const shown = drawn.current;
    const keep = new Set<string>();
    for (const station of placed) {
      keep.add(station.stationId);
      const existing = shown.get(station.stationId);
      if (existing && sameStation(existing.station, station)) continue;
      if (existing) {
        restyle(layer, existing, station);
        continue;
      }
      const marker = circleMarker([station.lat, station.lon], styleOf(station))
        .bindTooltip(tooltip(station), { direction: 'top', offset: [0, -6] })
        .on('click', () => setSelectedId(station.stationId))
        .addTo(layer);
      shown.set(station.stationId, { station, marker, ebikeDot: hasEbikeDot(station) ? ebikeDotAt(station).addTo(layer) : null });
    }
    for (const [stationId, gone] of shown) {
      if (keep.has(stationId)) continue;
      gone.marker.remove();
      gone.ebikeDot?.remove();
      shown.delete(stationId);
    }
    // Leaflet redraws its canvas on the next animation frame; this frame comes after that one.
    const frame = requestAnimationFrame(() => onDrawn(shown.size));
    return () => cancelAnimationFrame(frame);
  }, [placed, onDrawn]);

  return selected ? <SelectedStationPopup key={selected.stationId} station={selected} systemId={systemId} timeZone={timeZone} onClose={onClose} /> : null;
}
