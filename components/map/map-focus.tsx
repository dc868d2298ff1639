'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A request to show a station on the map; `seq` makes asking for the same station twice a new request. */
export interface ShowRequest {
  stationId: string;
  seq: number;
}

export interface MapFocus {
  /** The station a feed item under the pointer or the keyboard focus points at. */
  hoveredId: string | null;
  hover(stationId: string | null): void;
  request: ShowRequest | null;
  /** Pans the map to the station and opens its popup. */
  show(stationId: string): void;
}

const MapFocusContext = createContext<MapFocus | null>(null);

/** Lets the change feed point at stations on the map beside it (the live view wraps both). */
export function MapFocusProvider({ children }: { children: ReactNode }) {
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [request, setRequest] = useState<ShowRequest | null>(null);
  const show = useCallback((stationId: string) => setRequest((previous) => ({ stationId, seq: (previous?.seq ?? 0) + 1 })), []);
  const value = useMemo(() => ({ hoveredId, hover: setHoveredId, request, show }), [hoveredId, request, show]);
  return <MapFocusContext.Provider value={value}>{children}</MapFocusContext.Provider>;
}

/** Null outside a live view: a feed with no map beside it points at nothing. */
export const useMapFocus = (): MapFocus | null => useContext(MapFocusContext);
