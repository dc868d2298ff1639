import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useI18n } from '@/components/i18n/locale-provider';
import type { StationJson } from '@/lib/api/api-types';
import { stationLabel } from '@/lib/stations/station-table';
import { hasPosition, type PanRequest } from './placed-station';
import { SelectedStationPopup } from './selected-station-popup';
import { createStationLayer, type StationLayer, type TooltipText } from './station-layer';

const STATION_ZOOM = 16;

interface Props {
  stations: StationJson[];
  systemId: string;
  timeZone: string;
  selectedId: string | null;
  onSelect: (stationId: string) => void;
  onClose: (stationId: string) => void;
  panTo: PanRequest | null;
  animate: boolean;
  /** Told how many markers are on the map once the canvas has drawn them. */
  onDrawn: (count: number) => void;
}

export function StationMarkers({ stations, systemId, timeZone, selectedId, onSelect, onClose, panTo, animate, onDrawn }: Props) {
  const map = useMap();
  const placed = useMemo(() => stations.filter(hasPosition), [stations]);
  const selected = selectedId === null ? undefined : placed.find((station) => station.stationId === selectedId);
  const layer = useRef<StationLayer | null>(null);
  const { t } = useI18n();
  const tooltipText = useMemo<TooltipText>(
    () => (station) =>
      station.reporting ? t.map.tooltip(stationLabel(station), station.bikes, station.ebikes, station.docks) : t.map.tooltipSilent(stationLabel(station), station.bikes),
    [t],
  );

  // A new language draws the markers afresh, tooltips and all.
  useEffect(() => {
    const created = createStationLayer(map, onSelect, tooltipText);
    layer.current = created;
    return () => {
      created.remove();
      layer.current = null;
    };
  }, [map, onSelect, tooltipText]);

  // Runs after the effect above, also when `map` changes, so it always draws into the current layer.
  useEffect(() => {
    const count = layer.current?.show(placed) ?? 0;
    // Leaflet redraws its canvas on the next animation frame; this frame comes after that one.
    const frame = requestAnimationFrame(() => onDrawn(count));
    return () => cancelAnimationFrame(frame);
  }, [map, placed, onDrawn, tooltipText]);

  useEffect(() => {
    if (panTo) map.setView([panTo.lat, panTo.lon], Math.max(map.getZoom(), STATION_ZOOM), { animate });
  }, [map, panTo, animate]);

  return selected ? <SelectedStationPopup key={selected.stationId} station={selected} systemId={systemId} timeZone={timeZone} onClose={onClose} /> : null;
}
