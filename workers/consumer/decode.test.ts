import type { ReceivedMessage } from '../../lib/kafka/bus';
import { describe, expect, it } from 'vitest';
import { encode, type StationInformationMessage, type StationStatusMessage } from '../../lib/kafka/messages';
import { CONSUMED_KINDS, decodeMessage, MAX_MESSAGE_BYTES } from './decode';

function message(value: Buffer | string | null): ReceivedMessage {
  return {
    value: typeof value === 'string' ? Buffer.from(value) : value,
    key: Buffer.from('oslo:377'),
    offset: '0',
  };
}

const status: StationStatusMessage = {
  systemId: 'oslo',
  stationId: '377',
  reportedAt: new Date('2024-09-09T10:00:05.000Z'),
  bikes: 6,
  ebikes: 2,
  docks: null,
  isInstalled: true,
  isRenting: false,
  isReturning: true,
};

describe('decodeMessage', () => {
  it('round-trips a station status written by the producer, with its report time as a Date', () => {
    const decoded = decodeMessage('stationStatus', message(encode(status)));

    expect(decoded).toEqual({ ok: true, value: status });
    if (!decoded.ok) return;
    expect(decoded.value.reportedAt).toBeInstanceOf(Date);
    expect(decoded.value.reportedAt.getTime()).toBe(Date.UTC(2024, 8, 9, 10, 0, 5));
  });

  it('round-trips station information with its seenAt time', () => {
    const info: StationInformationMessage = {
      systemId: 'oslo',
      stationId: '377',
      name: 'Tullinløkka',
      address: null,
      lat: 59.9158,
      lon: 10.7359,
      capacity: 21,
      seenAt: new Date('2024-09-09T10:00:00.000Z'),
    };

    expect(decodeMessage('stationInformation', message(encode(info)))).toEqual({ ok: true, value: info });
  });

  it('rejects a value that is not JSON and keeps the text for the dead-letter topic', () => {
    const decoded = decodeMessage('stationStatus', message('<html>oops</html>'));

    expect(decoded).toEqual({ ok: false, reason: 'value is not JSON', payload: '<html>oops</html>' });
  });

  it('rejects JSON that does not match the topic schema, naming the bad field', () => {
    const negative = encode({ ...status, bikes: -2 });

    const decoded = decodeMessage('stationStatus', message(negative));

    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toMatch(/^schema: .*bikes/);
    expect(decoded.payload).toBe(negative);
  });

  it('rejects a status message sent to the station information topic', () => {
    expect(decodeMessage('stationInformation', message(encode(status))).ok).toBe(false);
  });

  it('rejects a report time that is not a timestamp', () => {
    const decoded = decodeMessage('stationStatus', message(JSON.stringify({ ...status, reportedAt: 'yesterday' })));

    expect(decoded.ok).toBe(false);
  });

  it('rejects a value over 64 KB before parsing it', () => {
    const huge = JSON.stringify({ ...status, padding: 'x'.repeat(MAX_MESSAGE_BYTES) });

    const decoded = decodeMessage('stationStatus', message(huge));

    expect(MAX_MESSAGE_BYTES).toBe(64 * 1024);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toMatch(/over 65536/);
  });

  it('measures the limit in bytes, not characters', () => {
    const text = JSON.stringify({ ...status, name: 'ø'.repeat(MAX_MESSAGE_BYTES / 2) });
    expect(text.length).toBeLessThan(MAX_MESSAGE_BYTES);

    const decoded = decodeMessage('stationStatus', message(text));

    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toMatch(/bytes is over/);
  });

  it('rejects a tombstone (null value)', () => {
    expect(decodeMessage('stationStatus', message(null))).toEqual({ ok: false, reason: 'empty value', payload: '' });
  });

  it('rejects an empty value', () => {
    expect(decodeMessage('stationStatus', message(Buffer.alloc(0)))).toEqual({ ok: false, reason: 'empty value', payload: '' });
  });
});

describe('CONSUMED_KINDS', () => {
  it('covers the three data topics the dashboard is built from', () => {
    expect([...CONSUMED_KINDS].sort()).toEqual(['stationInformation', 'stationStatus', 'system']);
  });
});
