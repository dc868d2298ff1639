/**
 * Per-client token buckets: each client may burst up to `burst` requests, refilled at
 * `perMinute / 60` per second. Buckets of clients gone quiet are dropped so memory stays bounded.
 */
export interface RateLimiterOptions {
  perMinute: number;
  burst: number;
  maxClients?: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter({ perMinute, burst, maxClients = 10_000 }: RateLimiterOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;

  return function take(client: string, now: number): RateDecision {
    const bucket = buckets.get(client) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.delete(client);
    if (buckets.size >= maxClients) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  };
}
