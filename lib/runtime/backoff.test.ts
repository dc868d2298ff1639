import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const lowest = () => 0;
const highest = () => 1;

describe('backoffDelayMs', () => {
  it('doubles the wait after each failure', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, 1_000, 60_000, highest));

    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('keeps every delay between half the ceiling and the ceiling, whatever the jitter', () => {
    for (const attempt of [1, 2, 3, 6, 7, 20]) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (const random of [lowest, () => 0.25, () => 0.5, () => 0.999, highest]) {
        const delay = backoffDelayMs(attempt, 1_000, 60_000, random);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('never waits longer than the cap, even after very many failures', () => {
    for (const attempt of [7, 50, 1_100]) {
      expect(backoffDelayMs(attempt, 1_000, 60_000, highest)).toBe(60_000);
      expect(backoffDelayMs(attempt, 1_000, 60_000, lowest)).toBe(30_000);
    }
  });

  it('jitters, so producers retrying together spread out', () => {
    expect(backoffDelayMs(4, 1_000, 60_000, lowest)).toBe(4_000);
    expect(backoffDelayMs(4, 1_000, 60_000, () => 0.5)).toBe(6_000);
  });

  it('treats attempt 0 like the first attempt instead of waiting less than the base', () => {
    expect(backoffDelayMs(0, 1_000, 60_000, highest)).toBe(1_000);
  });
});
