import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';

export function stationHref(systemId: string, stationId: string): string {
  return `/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}`;
}

export function homeHref(systemId: string | null): string {
  return systemId ? `/?system=${encodeURIComponent(systemId)}` : '/';
}

const rangeQuery = (from: string, to: string) => `?${new URLSearchParams({ from, to })}`;

export type DownloadFormat = 'csv' | 'parquet';

/** A station's history as a file, from `from` to `to` (ISO 8601). */
export function stationHistoryExportHref(systemId: string, stationId: string, from: string, to: string, format: DownloadFormat): string {
  return `/api/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}/history.${format}${rangeQuery(from, to)}`;
}

/** A system's changes as a file, from `from` to `to` (ISO 8601). */
export function systemChangesExportHref(systemId: string, from: string, to: string, format: DownloadFormat): string {
  return `/api/systems/${encodeURIComponent(systemId)}/changes.${format}${rangeQuery(from, to)}`;
}

export function systemHref(systemId: string): string {
  return `/systems/${encodeURIComponent(systemId)}`;
}

const langQuery = (locale: Locale) => (locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`);

/** The station's Atom feed of empty and full spells; English unless a language is asked for. */
export function stationFeedHref(systemId: string, stationId: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${stationHref(systemId, stationId)}/feed.xml${langQuery(locale)}`;
}

export function systemFeedHref(systemId: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${systemHref(systemId)}/feed.xml${langQuery(locale)}`;
}
