import { describe, expect, it } from 'vitest';
import { createSeeks } from './seeks';

describe('createSeeks', () => {
  it('drops what was fetched past the target before the seek took effect, seeking again each time, then reads on from the target', () => {
    const applied: string[] = [];
    const seeks = createSeeks((key, offset) => applied.push(`${key}@${offset}`));

    seeks.seek('status', 0, 5n);
    const accepted = [9n, 10n, 5n, 6n].map((offset) => seeks.accepts('status', 0, offset));

    expect(accepted).toEqual([false, false, true, true]);
    expect(applied).toEqual(['status:0@5', 'status:0@5', 'status:0@5']);
  });

  it('takes a partition reset below the target (a rebalance back to the committed offset) as the seek done', () => {
    const seeks = createSeeks(() => undefined);
    seeks.seek('status', 1, 50n);

    expect([40n, 51n].map((offset) => seeks.accepts('status', 1, offset))).toEqual([true, true]);
  });

  it('counts seeks per partition, so a batch handed out before one is stale, and leaves other partitions alone', () => {
    const seeks = createSeeks(() => undefined);
    const before = seeks.count('status', 0);
    seeks.seek('status', 0, 3n);

    expect(seeks.count('status', 0)).toBe(before + 1);
    expect(seeks.count('status', 1)).toBe(0);
    expect(seeks.accepts('status', 1, 99n)).toBe(true);
  });
});
