import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('lets a client burst, then refuses with a Retry-After until tokens refill', () => {
    const take = createRateLimiter({ perMinute: 60, burst: 3 });
    expect([take('a', 0), take('a', 0), take('a', 0)].every((decision) => decision.allowed)).toBe(true);
    const refused = take('a', 0);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(take('a', 1_000).allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const take = createRateLimiter({ perMinute: 60, burst: 1 });
    expect(take('a', 0).allowed).toBe(true);
    expect(take('a', 0).allowed).toBe(false);
    expect(take('b', 0).allowed).toBe(true);
  });

  it('forgets the least recently seen client beyond maxClients, so memory stays bounded', () => {
    const take = createRateLimiter({ perMinute: 60, burst: 1, maxClients: 2 });
    take('a', 0);
    take('b', 0);
    take('c', 0);
    expect(take('a', 0).allowed).toBe(true);
  });

  it('tells how long to wait when refill is slow', () => {
    const take = createRateLimiter({ perMinute: 6, burst: 1 });
    take('a', 0);
    const refused = take('a', 0);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(10);
  });
});
