import type { LatLngTuple, LeafletEvent, Popup as LeafletPopup } from 'leaflet';
import { useMemo } from 'react';
import { Popup } from 'react-leaflet';
import { useI18n } from '@/components/i18n/locale-provider';
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
  const { t } = useI18n();
  const handlers = useMemo(
    () => ({
      remove: () => onClose(stationId),
      // Leaflet names its close button in English, and only when it builds the popup.
      add: (event: LeafletEvent) => (event.target as LeafletPopup).getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', t.map.closePopup),
    }),
    [onClose, stationId, t],
  );
  return (
    <Popup position={position} eventHandlers={handlers}>
      <StationPopup station={station} systemId={systemId} timeZone={timeZone} />
    </Popup>
  );
}
