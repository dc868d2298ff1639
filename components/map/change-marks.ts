import { divIcon, layerGroup, marker, type Map as LeafletMap, type Marker } from 'leaflet';
import type { ChangeDelta } from '@/lib/stations/change-marks';
import type { PlacedStation } from './placed-station';

/** How long a new change's mark stays on the map, fading (globals.css `change-fade` lasts as long). */
export const FLASH_MS = 60_000;

export interface ChangeMark {
  station: PlacedStation;
  delta: ChangeDelta;
  /** The whole change in words, for the mark's title and for screen readers. */
  label: string;
}

/** A mark's face: an arrow and a number, so a gain and a loss differ by more than their colour. */
function markNode(mark: ChangeMark, kind: 'flash' | 'recent'): HTMLElement {
  const node = document.createElement('span');
  node.className = `change-mark change-${kind} ${mark.delta.delta > 0 ? 'change-gain' : 'change-loss'}${mark.delta.what === 'docks' ? ' change-docks' : ''}`;
  // text-only: the face is numbers, the feed's station name goes in as an attribute value
  node.textContent = `${mark.delta.delta > 0 ? '▲' : '▼'}${Math.abs(mark.delta.delta)}`;
  node.dataset.stationId = mark.station.stationId;
  node.dataset.change = mark.delta.delta > 0 ? 'gain' : 'loss';
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', mark.label);
  node.title = mark.label;
  return node;
}

// text-only: `node` is a DOM node (markNode's textContent, or the empty ring), never a markup string.
const place = (station: PlacedStation, node: HTMLElement): Marker =>
  // Not interactive: a click goes through to the station's own marker underneath.
  marker([station.lat, station.lon], { icon: divIcon({ html: node, className: 'change-mark-icon', iconSize: [0, 0] }), interactive: false, keyboard: false });

export interface ChangeMarksLayer {
  /** Marks new changes at their stations, each fading away over FLASH_MS. */
  flash(marks: ChangeMark[]): void;
  /** Shows these changes (older ones fainter) until called again; an empty list clears them. */
  showRecent(marks: (ChangeMark & { ageShare: number })[]): void;
  /** Rings one station (a feed item points at it), or none. */
  highlight(station: PlacedStation | null): void;
  remove(): void;
}

export function createChangeMarksLayer(map: LeafletMap): ChangeMarksLayer {
  const flashes = layerGroup().addTo(map);
  const recent = layerGroup().addTo(map);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let ring: Marker | null = null;

  return {
    flash(marks) {
      for (const mark of marks) {
        const shown = place(mark.station, markNode(mark, 'flash')).addTo(flashes);
        const timer = setTimeout(() => {
          flashes.removeLayer(shown);
          timers.delete(timer);
        }, FLASH_MS);
        timers.add(timer);
      }
    },
    showRecent(marks) {
      recent.clearLayers();
      for (const mark of marks) {
        const node = markNode(mark, 'recent');
        node.style.opacity = String(1 - 0.6 * Math.min(1, Math.max(0, mark.ageShare)));
        place(mark.station, node).addTo(recent);
      }
    },
    highlight(station) {
      ring?.remove();
      ring = null;
      if (!station) return;
      const node = document.createElement('span');
      node.className = 'map-highlight';
      node.dataset.testid = 'map-highlight';
      node.dataset.stationId = station.stationId;
      ring = place(station, node).addTo(map);
    },
    remove() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      ring?.remove();
      flashes.remove();
      recent.remove();
    },
  };
}
