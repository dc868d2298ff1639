import { describe, expect, it } from 'vitest';
import { MAX_FEED_PROBLEMS } from '../feed-health/problem-schema';
import {
  deadLetterMessageSchema,
  encode,
  encodeDeadLetter,
  jsonPrefix,
  MAX_DEAD_LETTER_BYTES,
  payloadText,
  stationInformationMessageSchema,
  stationStatusMessageSchema,
  systemMessageSchema,
} from './messages';

describe('payloadText', () => {
  it('keeps a text payload as it is', () => {
    expect(payloadText('{"station_id":"1"}')).toBe('{"station_id":"1"}');
  });

  it('stores a rejected record as JSON so it can be inspected later', () => {
    expect(payloadText({ station_id: '1', num_bikes_available: -1 })).toBe('{"station_id":"1","num_bikes_available":-1}');
  });

  it('describes an undefined payload instead of failing', () => {
    expect(payloadText(undefined)).toBe('undefined');
  });
});

describe('jsonPrefix', () => {
  it.each([
    ['plain text', 'abcdef', 4, 'abcd'],
    ['control characters, six bytes each when escaped', '\u0001\u0002\u0003', 12, '\u0001\u0002'],
    ['quotes and newlines, two bytes each', '"\n"\n', 5, '"\n'],
    ['a character of three UTF-8 bytes', 'ab€', 4, 'ab'],
    ['a surrogate pair, never split', 'a😀b', 4, 'a'],
    ['a lone surrogate, escaped as six bytes', 'a\ud800b', 6, 'a'],
  ])('measures %s as JSON.stringify writes them', (_, text, maxBytes, expected) => {
    const prefix = jsonPrefix(text, maxBytes);
    expect(prefix).toBe(expected);
    expect(Buffer.byteLength(JSON.stringify(prefix)) - 2).toBeLessThanOrEqual(maxBytes);
  });
});

describe('encodeDeadLetter', () => {
  const letter = { source: 'consumer', reason: 'value is not JSON', systemId: null, stationId: 'x', topic: 't', at: new Date('2026-01-01T00:00:00Z') };

  it('keeps a small payload whole', () => {
    const encoded = encodeDeadLetter({ ...letter, payload: 'bikes=5' });
    expect(deadLetterMessageSchema.parse(JSON.parse(encoded)).payload).toBe('bikes=5');
  });

  it.each([
    ['60 KB of control characters (360 KB once escaped)', '\u0001'.repeat(60_000)],
    ['2 MB of junk', 'x'.repeat(2_000_000)],
    ['quotes and backslashes', '"\\'.repeat(50_000)],
  ])('cuts %s after encoding, to at most MAX_DEAD_LETTER_BYTES, and says how long it was', (_, payload) => {
    const encoded = encodeDeadLetter({ ...letter, payload });
    expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(MAX_DEAD_LETTER_BYTES);
    expect(Buffer.byteLength(encoded)).toBeGreaterThan(MAX_DEAD_LETTER_BYTES - 16);
    const parsed = deadLetterMessageSchema.parse(JSON.parse(encoded));
    expect(parsed.payload.endsWith(`…[truncated, ${payload.length} chars]`)).toBe(true);
    expect(payload.startsWith(parsed.payload.slice(0, parsed.payload.lastIndexOf('…')))).toBe(true);
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

describe('free text on the wire', () => {
  it('refuses a NUL in a station name, so the message is dead-lettered when decoded instead of refused by PostgreSQL', () => {
    const station = { systemId: 'oslo', stationId: 's1', name: 'x\u0000', address: null, lat: 59.9, lon: 10.7, capacity: 10, seenAt: '2025-01-01T00:00:00Z' };

    expect(stationInformationMessageSchema.safeParse(station).success).toBe(false);
    expect(stationInformationMessageSchema.safeParse({ ...station, name: 'x y' }).success).toBe(true);
  });
});
