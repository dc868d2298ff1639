import { describe, expect, it } from 'vitest';
import { FeedError } from './errors';
import { parseDiscovery } from './parse-discovery';

const BASE = 'https://gbfs.example.com/citybike';

function feeds(prefix: string, names = ['system_information', 'station_information', 'station_status']) {
  return names.map((name) => ({ name, url: `${BASE}/${prefix}/${name}.json` }));
}

function discovery(data: unknown) {
  return { last_updated: 1_726_000_000, ttl: 15, version: '2.3', data };
}

describe('parseDiscovery', () => {
  it('reads a 2.x file keyed by the Norwegian language code, as Oslo publishes it', () => {
    const result = parseDiscovery(discovery({ nb: { feeds: feeds('nb') } }));

    expect(result.language).toBe('nb');
    expect(result.ttl).toBe(15);
    expect(result.version).toBe('2.3');
    expect(result.feeds.get('station_status')).toBe(`${BASE}/nb/station_status.json`);
    expect(result.feeds.get('station_information')).toBe(`${BASE}/nb/station_information.json`);
    expect(result.feeds.get('system_information')).toBe(`${BASE}/nb/system_information.json`);
  });

  it('reads the flat GBFS 3.0 feed list, which has no language key', () => {
    const body = { last_updated: '2024-09-09T10:00:00+02:00', ttl: 0, version: '3.0', data: { feeds: feeds('v3') } };

    const result = parseDiscovery(body, 'en');

    expect(result.language).toBeNull();
    expect(result.version).toBe('3.0');
    expect(result.feeds.get('station_status')).toBe(`${BASE}/v3/station_status.json`);
    expect(result.feeds.size).toBe(3);
  });

  it('uses the configured language when the file offers several, ignoring case', () => {
    const body = discovery({ en: { feeds: feeds('en') }, nb: { feeds: feeds('nb') } });

    expect(parseDiscovery(body, 'nb').feeds.get('station_status')).toBe(`${BASE}/nb/station_status.json`);
    expect(parseDiscovery(body, 'NB').language).toBe('nb');
    expect(parseDiscovery(body, 'en').feeds.get('station_status')).toBe(`${BASE}/en/station_status.json`);
  });

  it('falls back to the first language when the configured one is not offered', () => {
    const body = discovery({ nb: { feeds: feeds('nb') }, en: { feeds: feeds('en') } });

    const result = parseDiscovery(body, 'fr');

    expect(result.language).toBe('nb');
    expect(result.feeds.get('station_status')).toBe(`${BASE}/nb/station_status.json`);
  });

  it('rejects a discovery file that lists no station_status feed, since nothing could be polled', () => {
    const body = discovery({ nb: { feeds: feeds('nb', ['system_information', 'station_information']) } });

    expect(() => parseDiscovery(body)).toThrow(FeedError);
    expect(() => parseDiscovery(body)).toThrow(/station_status/);
  });

  it('does not accept a station_status entry whose url is not http(s)', () => {
    const body = discovery({
      feeds: [{ name: 'station_status', url: 'ftp://gbfs.example.com/station_status.json' }],
    });

    expect(() => parseDiscovery(body)).toThrow(FeedError);
  });

  it('skips malformed feed entries but keeps the usable ones', () => {
    const body = discovery({
      nb: {
        feeds: [{ name: 'system_information' }, 'garbage', { name: 'station_status', url: `${BASE}/station_status.json` }],
      },
    });

    const result = parseDiscovery(body);

    expect([...result.feeds.keys()]).toEqual(['station_status']);
  });

  it('throws a FeedError naming gbfs for a body that is not a GBFS file at all', () => {
    expect(() => parseDiscovery({ hello: 'world' })).toThrow(/^gbfs: /);
    expect(() => parseDiscovery(discovery({ nb: 'not a feed list' }))).toThrow(FeedError);
  });
});
