import { useSyncExternalStore } from 'react';

/** Which systems have a live stream open in this tab: their SWR hooks stop polling meanwhile. */
const open = new Set<string>();
const listeners = new Set<() => void>();

export function setStreamOpen(systemId: string, isOpen: boolean): void {
  if (open.has(systemId) === isOpen) return;
  if (isOpen) open.add(systemId);
  else open.delete(systemId);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while events of `systemId` arrive by stream (so polling would only repeat them). */
export function useStreamOpen(systemId: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open.has(systemId),
    () => false,
  );
}
