import type { MapChangeMessages } from './map-changes-en';

const signed = (delta: number) => (delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`);

/** Endringer på kartet, på bokmål. Typed as map-changes-en's shape: a missing key is a type error. */
export const mapChangesNb: MapChangeMessages = {
  mark: (name, delta, cause) => `${name}: ${signed(delta)} ${Math.abs(delta) === 1 ? 'sykkel' : 'sykler'}${cause ? ` (${cause})` : ''}`,
  docksMark: (name, delta) => `${name}: ${signed(delta)} ${Math.abs(delta) === 1 ? 'lås' : 'låser'}`,
  layerToggle: (minutes) => `Endringer, siste ${minutes} min`,
  showOnMap: (name) => `Vis ${name} på kartet`,
};
