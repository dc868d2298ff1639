import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs --clients', () => {
  it('measures the named clients side by side, two rounds unless told', () => {
    expect(parseBenchArgs(['--clients', 'kafkajs,platformatic', '--rows', '500000'])).toMatchObject({ clients: ['kafkajs', 'platformatic'], rows: 500_000, rounds: 2 });
    expect(parseBenchArgs([])).toMatchObject({ clients: null, rows: null });
  });

  it('refuses an unknown client or a count that is not a positive whole number', () => {
    expect(() => parseBenchArgs(['--clients', 'kafkajs,rdkafka'])).toThrow(/--clients takes/);
    expect(() => parseBenchArgs(['--clients', 'kafkajs', '--rounds', '0'])).toThrow(/positive whole numbers/);
    expect(() => parseBenchArgs(['--clients', 'kafkajs', '--rows', '1e3.5'])).toThrow(/positive whole numbers/);
  });
});
