/** What a request costs, for the rate limits: the JSON API, a server-rendered page, or nothing worth limiting. */
export type RequestKind = 'api' | 'page' | 'exempt';

// Built files only, by their literal names: a path with `..`, `%` or a backslash could resolve
// elsewhere once Next.js normalises it, so it is never exempt.
const STATIC_ASSET = /^\/_next\/static\/[\w.~/-]+$/;
// Health and liveness probes, and the static files of public/ that browsers fetch with every page.
const EXEMPT_PATHS = new Set([
  '/api/health',
  '/api/live',
  '/icon.svg',
  '/favicon.ico',
  '/manifest.webmanifest',
  '/icon-192.png',
  '/icon-512.png',
  '/apple-touch-icon.png',
]);

/** Classifies a raw request target (path and query, as it came off the wire). */
export function requestKind(target: string): RequestKind {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (EXEMPT_PATHS.has(path) || (STATIC_ASSET.test(path) && !path.includes('..'))) return 'exempt';
  // Charged by the route Next.js will serve, which resolves `..` and `%2e%2e` first: otherwise
  // `/api/%2e%2e/stations/…` would render a page on the larger API budget.
  const served = servedPath(target) ?? path;
  return served === '/api' || served.startsWith('/api/') ? 'api' : 'page';
}

function servedPath(target: string): string | null {
  try {
    return new URL(target, 'http://gate.invalid').pathname;
  } catch {
    return null;
  }
}

/** The only page other sites may frame. */
export function isEmbedPath(target: string): boolean {
  return target === '/embed' || target.startsWith('/embed?');
}
