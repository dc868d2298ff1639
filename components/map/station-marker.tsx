import type { LatLngTuple } from 'leaflet';
import { memo, useMemo } from 'react';
import { CircleMarker, Tooltip } from 'react-leaflet';
import type { StationJson } from '@/lib/api-types';
import { availabilityLevel } from '@/lib/availability';
import { sameStation, stationLabel } from '@/lib/station-table';
import { EBIKE_DOT_RADIUS, EBIKE_DOT_STYLE, LEVEL_STYLES, markerRadius, NOT_REPORTING_RADIUS, NOT_REPORTING_STYLE } from './marker-style';

export type PlacedStation = StationJson & { lat: number; lon: number };

interface Props {
  station: PlacedStation;
  onSelect: (stationId: string) => void;
}

function tooltip(station: StationJson): string {
  const ebikes = station.ebikes ? ` (${station.ebikes} e-bikes)` : '';
  const docks = station.docks === null ? '' : ` · ${station.docks} docks`;
  if (!station.reporting) return `${stationLabel(station)}: not reporting (last: ${station.bikes} bikes)`;
  return `${stationLabel(station)}: ${station.bikes} bikes${ebikes}${docks}`;
}

function StationMarkerView({ station, onSelect }: Props) {
  const level = availabilityLevel(station);
  const center: LatLngTuple = [station.lat, station.lon];
  const { stationId } = station;
  const handlers = useMemo(() => ({ click: () => onSelect(stationId) }), [onSelect, stationId]);
  return (
    <>
      <CircleMarker
        center={center}
        radius={station.reporting ? markerRadius(level, station.bikes) : NOT_REPORTING_RADIUS}
        pathOptions={station.reporting ? LEVEL_STYLES[level] : NOT_REPORTING_STYLE}
        eventHandlers={handlers}
      >
        <Tooltip direction="top" offset={[0, -6]}>
          {tooltip(station)}
        </Tooltip>
      </CircleMarker>
      {station.ebikes && station.reporting ? <CircleMarker center={center} radius={EBIKE_DOT_RADIUS} pathOptions={EBIKE_DOT_STYLE} interactive={false} /> : null}
    </>
  );
}

/** Re-renders only when this station's own numbers change, not whenever any of 2,000 stations does. */
export const StationMarker = memo(StationMarkerView, (before, after) => before.onSelect === after.onSelect && sameStation(before.station, after.station));
