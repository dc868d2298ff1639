import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportProgress } from './progress';

afterEach(() => vi.useRealTimers());

describe('reportProgress', () => {
  it('reports the seconds elapsed every 5 s until stopped, and never after', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const stop = reportProgress((seconds) => seen.push(seconds));

    vi.advanceTimersByTime(4_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(10_001);
    expect(seen).toEqual([5, 10, 15]);
    stop();
    vi.advanceTimersByTime(30_000);
    expect(seen).toEqual([5, 10, 15]);
  });
});
