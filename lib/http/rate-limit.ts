/**
 * Per-client token buckets: each client may burst up to `burst` requests, refilled at
 * `perMinute / 60` per second. At most `maxClients` buckets are kept. To make room, only buckets
 * that have refilled to full are dropped: a new bucket for that client would be identical, so
 * eviction never gives anyone back a budget they had spent. When none is full, clients without a
 * bucket share one overflow bucket until room frees up.
 */
export interface RateLimiterOptions {
  perMinute: number;
  burst: number;
  maxClients?: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({ perMinute, burst, maxClients = 10_000 }: RateLimiterOptions) {
  // Kept in order of last use, so the buckets most likely to be full come first.
  const buckets = new Map<string, Bucket>();
  const overflow: Bucket = { tokens: burst, at: 0 };
  const refillPerMs = perMinute / 60_000;
  const tokensAt = (bucket: Bucket, now: number) => Math.min(burst, bucket.tokens + (now - bucket.at) * refillPerMs);

  function dropFullBuckets(now: number): void {
    for (const [client, bucket] of buckets) {
      if (tokensAt(bucket, now) < burst) return;
      buckets.delete(client);
      if (buckets.size < maxClients) return;
    }
  }

  function bucketOf(client: string, now: number): Bucket {
    const known = buckets.get(client);
    if (known) {
      buckets.delete(client);
      buckets.set(client, known);
      return known;
    }
    if (buckets.size >= maxClients) dropFullBuckets(now);
    if (buckets.size >= maxClients) return overflow;
    const fresh = { tokens: burst, at: now };
    buckets.set(client, fresh);
    return fresh;
  }

  function take(client: string, now: number): RateDecision {
    const bucket = bucketOf(client, now);
    bucket.tokens = tokensAt(bucket, now);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  return { take, size: () => buckets.size };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
