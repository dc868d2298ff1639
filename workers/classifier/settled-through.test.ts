import { describe, expect, it } from 'vitest';
import { settledThrough } from './settled-through';

const t = (minute: number) => new Date(Date.UTC(2026, 11, 7, 8, minute));

describe('settledThrough', () => {
  it('moves to the window end when every verdict is settled', () => {
    expect(settledThrough([{ reportedAt: t(1), settled: true }, { reportedAt: t(5), settled: true }], t(10), t(0))).toEqual(t(10));
  });

  it('stops just before the first unsettled change, whatever the order', () => {
    const verdicts = [
      { reportedAt: t(7), settled: false },
      { reportedAt: t(3), settled: false },
      { reportedAt: t(2), settled: true },
    ];
    expect(settledThrough(verdicts, t(10), t(0))).toEqual(new Date(t(3).getTime() - 1));
  });

  it('never moves backwards', () => {
    expect(settledThrough([{ reportedAt: t(0), settled: false }], t(10), t(0))).toEqual(t(0));
  });
});
