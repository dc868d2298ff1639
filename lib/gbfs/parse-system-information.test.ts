import { describe, expect, it } from 'vitest';
import { FeedError } from './errors';
import { parseSystemInformation, systemTimeZoneProblem } from './parse-system-information';

function file(data: unknown) {
  return { last_updated: '2024-09-09T10:00:00Z', ttl: 60, version: '3.0', data };
}

const v3System = {
  system_id: 'oslobysykkel',
  languages: ['nb', 'en'],
  name: [
    { text: 'Oslo Bysykkel', language: 'nb' },
    { text: 'Oslo City Bike', language: 'en' },
  ],
  operator: [
    { text: 'UIP Oslo Bysykkel AS', language: 'nb' },
    { text: 'UIP Oslo City Bike Ltd', language: 'en' },
  ],
  timezone: 'Europe/Oslo',
};

describe('parseSystemInformation', () => {
  it('shows the 3.0 localized name and operator in the configured language', () => {
    const info = parseSystemInformation(file(v3System), 'en');

    expect(info.name).toBe('Oslo City Bike');
    expect(info.operator).toBe('UIP Oslo City Bike Ltd');
    expect(info.systemId).toBe('oslobysykkel');
    expect(info.timezone).toBe('Europe/Oslo');
    expect(info.ttl).toBe(60);
  });

  it("uses the feed's own first language when none is configured", () => {
    const info = parseSystemInformation(file(v3System));

    expect(info.name).toBe('Oslo Bysykkel');
    expect(info.language).toBe('nb');
  });

  it('falls back to the first localized name when the configured language is missing', () => {
    const info = parseSystemInformation(file(v3System), 'fr');

    expect(info.name).toBe('Oslo Bysykkel');
    expect(info.operator).toBe('UIP Oslo Bysykkel AS');
  });

  it('reads a 2.x file with plain strings and no operator', () => {
    const body = { last_updated: 1_696_446_360, ttl: 15, version: '2.3', data: { system_id: 'bergen', language: 'nb', name: 'Bergen Bysykkel', timezone: 'Europe/Oslo' } };

    const info = parseSystemInformation(body, 'en');

    expect(info).toMatchObject({ systemId: 'bergen', name: 'Bergen Bysykkel', language: 'nb', operator: null, licenseUrl: null });
  });

  it('rejects a file without a system_id, so stations are never filed under a blank system', () => {
    const withoutId = { ...v3System, system_id: undefined };

    expect(() => parseSystemInformation(file(withoutId))).toThrow(FeedError);
    expect(() => parseSystemInformation(file(withoutId))).toThrow(/system_information: .*system_id/);
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus'],
    ['SQL', "'; DROP TABLE systems; --"],
    ['5 KB', 'x'.repeat(5_000)],
    ['a number', 42],
  ])('shows times in UTC when the timezone is %s, and says why', (_, timezone) => {
    const body = file({ ...v3System, timezone });

    expect(parseSystemInformation(body).timezone).toBe('UTC');
    expect(systemTimeZoneProblem(body, '3.0')).toMatchObject({ feed: 'system_information', pointer: '/data/timezone', message: 'not an IANA time zone name; times are shown in UTC' });
  });

  it('keeps a real zone by its canonical name, and a missing one is UTC without a problem', () => {
    expect(parseSystemInformation(file({ ...v3System, timezone: 'US/Pacific' })).timezone).toBe('America/Los_Angeles');
    expect(systemTimeZoneProblem(file(v3System), '3.0')).toBeNull();
    expect(parseSystemInformation(file({ ...v3System, timezone: undefined })).timezone).toBe('UTC');
    expect(systemTimeZoneProblem(file({ ...v3System, timezone: undefined }), '3.0')).toBeNull();
  });
});
