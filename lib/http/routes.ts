export function stationHref(systemId: string, stationId: string): string {
  return `/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}`;
}

export function homeHref(systemId: string | null): string {
  return systemId ? `/?system=${encodeURIComponent(systemId)}` : '/';
}
