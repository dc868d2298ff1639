// Array indices become `*`, so `/data/stations/17/num_docks_available` and `/data/stations/18/...`
// are one pattern: a feed with a field wrong at every station gives one problem, not thousands.
export function collapsePointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** The station_id of the station a pointer lands in (`/data/stations/17/...`), when it has one. */
export function stationIdAt(document: unknown, pointer: string): string | null {
  const match = /^\/data\/stations\/(\d+)(?:\/|$)/.exec(pointer);
  if (!match || !document || typeof document !== 'object') return null;
  const data: unknown = (document as { data?: unknown }).data;
  const stations: unknown = data && typeof data === 'object' ? (data as { stations?: unknown }).stations : undefined;
  if (!Array.isArray(stations)) return null;
  const station: unknown = stations[Number(match[1])];
  const id: unknown = station && typeof station === 'object' ? (station as { station_id?: unknown }).station_id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null;
}
