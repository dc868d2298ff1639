import { env } from '../env';
import { createRateLimiter, type RateDecision } from './rate-limit';
import { jsonError } from './responses';

type Take = (client: string, now: number) => RateDecision;

// One limiter per process, on globalThis like the db pool: Next bundles the Pages Router and App
// Router routes separately, and a module-level limiter would give each bundle its own budget.
// Applied in the routes rather than in a Next proxy, which cost 0.7-1 ms of CPU per API request
// (BENCHMARKS.md).
const globalForLimit = globalThis as unknown as { bikestreamRateLimit?: Take | null };

function limiter(): Take | null {
  if (globalForLimit.bikestreamRateLimit === undefined) {
    const { RATE_LIMIT_PER_MINUTE: perMinute, RATE_LIMIT_BURST: burst } = env();
    globalForLimit.bikestreamRateLimit = perMinute > 0 ? createRateLimiter({ perMinute, burst }) : null;
  }
  return globalForLimit.bikestreamRateLimit;
}

/** The client a request counts against: the first X-Forwarded-For address, as the reverse proxy saw it. */
function clientOf(header: (name: string) => string | null | undefined): string {
  return header('x-forwarded-for')?.split(',')[0]?.trim() || header('x-real-ip') || 'local';
}

/** The 429 for a client over the per-client limit on the public API, or null when it may go on. */
export function rateLimited(header: (name: string) => string | null | undefined): Response | null {
  const take = limiter();
  if (!take) return null;
  const decision = take(clientOf(header), Date.now());
  if (decision.allowed) return null;
  const response = jsonError(429, 'too many requests; slow down');
  response.headers.set('Retry-After', String(decision.retryAfterSeconds));
  return response;
}
