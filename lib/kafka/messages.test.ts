import { describe, expect, it } from 'vitest';
import { MAX_DEAD_LETTER_PAYLOAD, truncatePayload } from './messages';

describe('truncatePayload', () => {
  it('keeps a short text payload as it is', () => {
    expect(truncatePayload('{"station_id":"1"}')).toBe('{"station_id":"1"}');
  });

  it('stores a rejected record as JSON so it can be inspected later', () => {
    expect(truncatePayload({ station_id: '1', num_bikes_available: -1 })).toBe('{"station_id":"1","num_bikes_available":-1}');
  });

  it('keeps a payload of exactly the limit untouched', () => {
    const text = 'x'.repeat(MAX_DEAD_LETTER_PAYLOAD);

    expect(truncatePayload(text)).toBe(text);
  });

  it('cuts an oversized payload to the limit and says how long it was', () => {
    const text = 'y'.repeat(MAX_DEAD_LETTER_PAYLOAD + 5_000);

    const result = truncatePayload(text);

    expect(result.startsWith('y'.repeat(MAX_DEAD_LETTER_PAYLOAD))).toBe(true);
    expect(result.endsWith(`[truncated ${MAX_DEAD_LETTER_PAYLOAD + 5_000} chars]`)).toBe(true);
    expect(result.length).toBeLessThan(MAX_DEAD_LETTER_PAYLOAD + 100);
  });

  it('describes an undefined payload instead of failing', () => {
    expect(truncatePayload(undefined)).toBe('undefined');
  });
});
