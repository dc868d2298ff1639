/**
 * Map tiles are configuration: the only module that reads them. NEXT_PUBLIC_* values are inlined
 * at build time, so each must be written out literally. `NEXT_PUBLIC_TILE_URL=none` turns tiles off.
 */
const OSM_URL = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

function tileUrl(configured: string | undefined, fallback: string | null): string | null {
  const value = configured?.trim();
  if (!value) return fallback;
  return value.toLowerCase() === 'none' ? null : value;
}

const lightUrl = tileUrl(process.env.NEXT_PUBLIC_TILE_URL, OSM_URL);
const darkUrl = tileUrl(process.env.NEXT_PUBLIC_TILE_URL_DARK, null);

export const tiles = {
  /** null when tiles are turned off: stations are drawn on a plain background. */
  url: lightUrl,
  /** A darker style for dark mode, when one is configured; otherwise the light tiles. */
  darkUrl: darkUrl ?? lightUrl,
  /** Without a dark style, dark mode shows the light tiles with their colours inverted. */
  darkStyled: darkUrl !== null,
  /** HTML, trusted: it comes from the operator's build configuration, not from a feed. */
  attribution: process.env.NEXT_PUBLIC_TILE_ATTRIBUTION?.trim() || OSM_ATTRIBUTION,
};
