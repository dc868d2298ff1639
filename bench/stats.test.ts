import { describe, expect, it } from 'vitest';
import { timeInterleaved } from './stats';

describe('timeInterleaved', () => {
  it('runs the two measurements in turn, alternating which goes first, and times each run once', async () => {
    const calls: string[] = [];
    const [first, second] = await timeInterleaved(
      4,
      async (run) => calls.push(`a${run}`),
      async (run) => calls.push(`b${run}`),
      1,
    );
    expect(calls).toEqual(['a0', 'b0', 'a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(first.runs).toBe(4);
    expect(second.runs).toBe(4);
  });
});
