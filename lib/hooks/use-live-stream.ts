import { useEffect, useRef } from 'react';
import type { ChangeJson, StationJson, StreamSystemJson } from '../api/api-types';
import { setStreamOpen } from './stream-state';

export interface LiveStreamHandlers {
  change?: (change: ChangeJson) => void;
  station?: (station: StationJson) => void;
  system?: (data: StreamSystemJson) => void;
  /** The stream opened for the first time, or said it cannot replay what was missed: refetch. */
  refetch: () => void;
}

// Errors in a row (no event between them) after which the page goes back to polling for a while:
// a proxy that buffers, a server at its stream limit (503), this client at its cap (429).
const FAILURES_BEFORE_POLLING = 3;
const RETRY_STREAM_AFTER_MS = 60_000;

export function streamUrl(systemId: string): string {
  return `/api/stream?system=${encodeURIComponent(systemId)}`;
}

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

/**
 * Opens /api/stream for `systemId` and hands each event to `handlers` (which feed SWR's cache).
 * While it is open the system's SWR hooks stop polling (lib/hooks/stream-state.ts); when it cannot
 * be opened, or keeps failing, they poll as before, and the stream is tried again a minute later.
 */
export function useLiveStream(systemId: string, handlers: LiveStreamHandlers): void {
  // The handlers are rebuilt on each render; the stream follows the system alone.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let opened = false;

    const on = <T>(name: string, use: (data: T) => void) =>
      source?.addEventListener(name, (event) => {
        failures = 0;
        const data = parse<T>(event);
        if (data) use(data);
      });

    function connect(): void {
      source = new EventSource(streamUrl(systemId));
      source.onopen = () => {
        setStreamOpen(systemId, true);
        // What was committed between the page's render (or the last poll) and now.
        if (!opened) latest.current.refetch();
        opened = true;
      };
      source.onerror = () => {
        failures += 1;
        const closed = source?.readyState === EventSource.CLOSED;
        if (closed || failures >= FAILURES_BEFORE_POLLING) fallBack();
      };
      on<ChangeJson>('change', (change) => latest.current.change?.(change));
      on<StationJson>('station', (station) => latest.current.station?.(station));
      on<StreamSystemJson>('system', (data) => latest.current.system?.(data));
      on<unknown>('reset', () => latest.current.refetch());
    }

    function fallBack(): void {
      source?.close();
      source = null;
      opened = false;
      failures = 0;
      setStreamOpen(systemId, false);
      retry = setTimeout(connect, RETRY_STREAM_AFTER_MS);
    }

    connect();
    return () => {
      source?.close();
      if (retry) clearTimeout(retry);
      setStreamOpen(systemId, false);
    };
  }, [systemId]);
}
