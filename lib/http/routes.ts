export function stationHref(systemId: string, stationId: string): string {
  return `/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}`;
}

export function homeHref(systemId: string | null): string {
  return systemId ? `/?system=${encodeURIComponent(systemId)}` : '/';
}

const rangeQuery = (from: string, to: string) => `?${new URLSearchParams({ from, to })}`;

/** A station's history as CSV, from `from` to `to` (ISO 8601). */
export function stationHistoryCsvHref(systemId: string, stationId: string, from: string, to: string): string {
  return `/api/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}/history.csv${rangeQuery(from, to)}`;
}

/** A system's changes as CSV, from `from` to `to` (ISO 8601). */
export function systemChangesCsvHref(systemId: string, from: string, to: string): string {
  return `/api/systems/${encodeURIComponent(systemId)}/changes.csv${rangeQuery(from, to)}`;
}
