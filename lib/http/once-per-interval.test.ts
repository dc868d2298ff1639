import { describe, expect, it } from 'vitest';
import { oncePerInterval } from './once-per-interval';

describe('oncePerInterval', () => {
  it('runs once for every caller within the interval, and again after it', async () => {
    let clock = 0;
    let runs = 0;
    const check = oncePerInterval(1_000, async () => (runs += 1), () => clock);

    const first = await Promise.all([check(), check(), check()]);
    clock = 999;
    const stillFirst = await check();
    clock = 1_000;
    const second = await check();

    expect(first).toEqual([1, 1, 1]);
    expect(stillFirst).toBe(1);
    expect(second).toBe(2);
    expect(runs).toBe(2);
  });

  it('forgets a failed run, so the next caller tries again', async () => {
    let runs = 0;
    const check = oncePerInterval(1_000, async () => {
      runs += 1;
      if (runs === 1) throw new Error('database down');
      return runs;
    }, () => 0);

    await expect(check()).rejects.toThrow('database down');
    expect(await check()).toBe(2);
  });
});
