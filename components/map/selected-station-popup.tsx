import type { LatLngTuple } from 'leaflet';
import { useMemo } from 'react';
import { Popup } from 'react-leaflet';
import { StationPopup } from './station-popup';
import type { PlacedStation } from './placed-station';

interface Props {
  station: PlacedStation;
  systemId: string;
  timeZone: string;
  onClose: (stationId: string) => void;
}

/** The one open popup (one shared popup, rather than one bound to each of 2,000 markers). */
export function SelectedStationPopup({ station, systemId, timeZone, onClose }: Props) {
  const { lat, lon, stationId } = station;
  // A new position array would make react-leaflet close and reopen the popup on every refresh.
  const position = useMemo<LatLngTuple>(() => [lat, lon], [lat, lon]);
  const handlers = useMemo(() => ({ remove: () => onClose(stationId) }), [onClose, stationId]);
  return (
    <Popup position={position} eventHandlers={handlers}>
      <StationPopup station={station} systemId={systemId} timeZone={timeZone} />
    </Popup>
  );
}
