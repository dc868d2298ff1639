import { circleMarker, layerGroup, type CircleMarker, type Map as LeafletMap } from 'leaflet';
import type { StationJson } from '@/lib/api/api-types';
import { availabilityLevel } from '@/lib/stations/availability';
import { sameStation } from '@/lib/stations/station-table';
import type { PlacedStation } from './placed-station';
import { EBIKE_DOT_RADIUS, EBIKE_DOT_STYLE, LEVEL_STYLES, markerRadius, NOT_REPORTING_RADIUS, NOT_REPORTING_STYLE } from './marker-style';

interface DrawnStation {
  station: PlacedStation;
  marker: CircleMarker;
  ebikeDot: CircleMarker | null;
}

/** The words on a marker's tooltip, in the reader's language. */
export type TooltipText = (station: StationJson) => string;

/** Leaflet treats a string as HTML: the feed's station name goes in as text of a node instead. */
function tooltipNode(text: string): HTMLElement {
  const node = document.createElement('span');
  node.textContent = text;
  return node;
}

function styleOf(station: PlacedStation) {
  if (!station.reporting) return { ...NOT_REPORTING_STYLE, radius: NOT_REPORTING_RADIUS };
  const level = availabilityLevel(station);
  return { ...LEVEL_STYLES[level], radius: markerRadius(level, station.bikes) };
}

/** A silent station's last e-bike count is not news: no dot. */
const hasEbikeDot = (station: PlacedStation) => Boolean(station.ebikes) && station.reporting;

export interface StationLayer {
  /** Shows exactly these stations, touching only those that changed; returns how many are drawn. */
  show(stations: PlacedStation[]): number;
  remove(): void;
}

/**
 * All stations as plain circle markers in one layer group on Leaflet's canvas. A changed station is
 * restyled in place, so it keeps its place in the drawing order and its handlers. (One React
 * component per marker cost seconds of main-thread work at 2,000 stations.)
 */
export function createStationLayer(map: LeafletMap, onSelect: (stationId: string) => void, tooltipText: TooltipText): StationLayer {
  const tooltip = (station: StationJson) => tooltipNode(tooltipText(station));
  const group = layerGroup().addTo(map);
  const drawn = new Map<string, DrawnStation>();

  const ebikeDotAt = (station: PlacedStation) =>
    circleMarker([station.lat, station.lon], { ...EBIKE_DOT_STYLE, radius: EBIKE_DOT_RADIUS, interactive: false }).addTo(group);

  function draw(station: PlacedStation): void {
    const marker = circleMarker([station.lat, station.lon], styleOf(station))
      // text-only: tooltip() returns a DOM node whose textContent holds the feed's name
      .bindTooltip(tooltip(station), { direction: 'top', offset: [0, -6] })
      .on('click', () => onSelect(station.stationId))
      .addTo(group);
    drawn.set(station.stationId, { station, marker, ebikeDot: hasEbikeDot(station) ? ebikeDotAt(station) : null });
  }

  function restyle(shown: DrawnStation, station: PlacedStation): void {
    const style = styleOf(station);
    // text-only: tooltip() returns a DOM node whose textContent holds the feed's name
    shown.marker.setLatLng([station.lat, station.lon]).setStyle(style).setRadius(style.radius).setTooltipContent(tooltip(station));
    if (hasEbikeDot(station)) {
      if (shown.ebikeDot) shown.ebikeDot.setLatLng([station.lat, station.lon]);
      else shown.ebikeDot = ebikeDotAt(station);
    } else if (shown.ebikeDot) {
      group.removeLayer(shown.ebikeDot);
      shown.ebikeDot = null;
    }
    shown.station = station;
  }

  return {
    show(stations) {
      const keep = new Set<string>();
      for (const station of stations) {
        keep.add(station.stationId);
        const shown = drawn.get(station.stationId);
        if (!shown) draw(station);
        else if (!sameStation(shown.station, station)) restyle(shown, station);
      }
      for (const [stationId, gone] of drawn) {
        if (keep.has(stationId)) continue;
        group.removeLayer(gone.marker);
        if (gone.ebikeDot) group.removeLayer(gone.ebikeDot);
        drawn.delete(stationId);
      }
      return drawn.size;
    },
    remove() {
      group.remove();
      drawn.clear();
    },
  };
}
