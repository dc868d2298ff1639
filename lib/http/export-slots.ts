/**
 * Exports running at once in this process. Each holds a database connection for as long as its
 * reader downloads, and the web pool has ten (lib/db/client.ts): three for exports leaves the
 * dashboards the rest. The rate limit (lib/http/request-gate.ts) counts requests; this counts time.
 */
export const MAX_CONCURRENT_EXPORTS = 3;

/** How long a refused client is asked to wait: a typical export takes seconds. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

let running = 0;

/** A slot's release (call it exactly once, when the export ends however it ends), or null when all are taken. */
export function takeExportSlot(): (() => void) | null {
  if (running >= MAX_CONCURRENT_EXPORTS) return null;
  running += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running -= 1;
  };
}
