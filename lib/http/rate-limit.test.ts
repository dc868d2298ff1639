import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('lets a client burst, then refuses with a Retry-After until tokens refill', () => {
    const { take } = createRateLimiter({ perMinute: 60, burst: 3 });
    expect([take('a', 0), take('a', 0), take('a', 0)].every((decision) => decision.allowed)).toBe(true);
    const refused = take('a', 0);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(take('a', 1_000).allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const { take } = createRateLimiter({ perMinute: 60, burst: 1 });
    expect(take('a', 0).allowed).toBe(true);
    expect(take('a', 0).allowed).toBe(false);
    expect(take('b', 0).allowed).toBe(true);
  });

  it('never gives a spent budget back when many new clients arrive: newcomers share one overflow bucket', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    limiter.take('b', 0);
    for (let index = 0; index < 1000; index += 1) limiter.take(`new-${index}`, 0);
    expect(limiter.size()).toBe(2);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('someone-else', 0).allowed).toBe(false);
  });

  it('makes room by dropping only buckets that have refilled to full', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    limiter.take('b', 2_000);
    // At 2.5 s `a` is full again and goes; `b` (1.5 of 2 tokens) stays and keeps its count.
    expect(limiter.take('c', 2_500).allowed).toBe(true);
    expect(limiter.size()).toBe(2);
    expect(limiter.take('b', 2_500)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('b', 2_500).allowed).toBe(false);
  });

  it('tells how long to wait when refill is slow', () => {
    const { take } = createRateLimiter({ perMinute: 6, burst: 1 });
    take('a', 0);
    const refused = take('a', 0);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(10);
  });
});
