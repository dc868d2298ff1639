import { describe, expect, it } from 'vitest';
import { MAX_FEED_PROBLEMS } from '../feed-health/problem-schema';
import { encode, MAX_DEAD_LETTER_PAYLOAD, stationStatusMessageSchema, systemMessageSchema, truncatePayload } from './messages';

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

describe('systemMessageSchema', () => {
  const system = {
    systemId: 'oslobysykkel',
    name: 'Oslo Bysykkel',
    timezone: 'Europe/Oslo',
    language: 'nb',
    operator: null,
    licenseUrl: null,
    feedUrl: 'https://example.test/gbfs.json',
    ttlSeconds: 15,
    simulated: false,
    statusUpdatedAt: new Date('2024-09-09T10:00:00Z'),
    polledAt: new Date('2024-09-09T10:00:01Z'),
  };
  const problem = { kind: 'schema', feed: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 260, exampleStationId: '2351', checkedAgainst: '2.3' } as const;

  it('still reads a message from a producer that sends no version or feed problems', () => {
    const parsed = systemMessageSchema.parse(JSON.parse(encode(system)));
    expect(parsed.gbfsVersion).toBeUndefined();
    expect(parsed.feedProblems).toBeUndefined();
  });

  it('carries the declared version and the feed problems through Kafka', () => {
    const parsed = systemMessageSchema.parse(JSON.parse(encode({ ...system, gbfsVersion: null, feedProblems: [problem, { kind: 'schema-check-off', message: 'no GBFS schemas at /x' }] })));
    expect(parsed.gbfsVersion).toBeNull();
    expect(parsed.feedProblems).toEqual([problem, { kind: 'schema-check-off', message: 'no GBFS schemas at /x' }]);
  });

  it('refuses an unbounded problem list', () => {
    const many = Array.from({ length: MAX_FEED_PROBLEMS + 1 }, () => problem);
    expect(systemMessageSchema.safeParse(JSON.parse(encode({ ...system, feedProblems: many }))).success).toBe(false);
  });
});

describe('stationStatusMessageSchema', () => {
  const status = {
    systemId: 'oslobysykkel',
    stationId: '2351',
    reportedAt: new Date('2024-09-09T10:00:00Z'),
    bikes: 3,
    ebikes: null,
    docks: 10_000,
    isInstalled: true,
    isRenting: true,
    isReturning: false,
  };
  const parse = (changes: Record<string, unknown>) => stationStatusMessageSchema.safeParse(JSON.parse(encode({ ...status, ...changes } as typeof status)));

  it('reads what the producer writes, counts from 0 to 10000 and ids of 1 to 200 characters', () => {
    expect(parse({ bikes: 0, stationId: 'x'.repeat(200) }).data).toEqual({ ...status, bikes: 0, stationId: 'x'.repeat(200) });
  });

  it.each([
    ['a negative count', { bikes: -1 }, 'bikes'],
    ['a fractional count', { ebikes: 1.5 }, 'ebikes'],
    ['a count over 10000', { docks: 10_001 }, 'docks'],
    ['a count sent as text', { bikes: '3' }, 'bikes'],
    ['an empty id', { stationId: '' }, 'stationId'],
    ['an id over 200 characters', { systemId: 'x'.repeat(201) }, 'systemId'],
    ['an id with a NUL', { stationId: 'a\u0000b' }, 'stationId'],
  ])('refuses %s, naming the field', (_, changes, field) => {
    const result = parse(changes);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
