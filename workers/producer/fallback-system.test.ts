import { describe, expect, it } from 'vitest';
import { fallbackSystem } from './fallback-system';

describe('fallbackSystem', () => {
  it('names a system without system_information after its feed path', () => {
    expect(fallbackSystem('https://gbfs.urbansharing.com/oslobysykkel.no/gbfs.json')).toEqual({
      systemId: 'gbfs-urbansharing-com-oslobysykkel-no',
      name: 'oslobysykkel.no',
      timezone: 'UTC',
      language: null,
      operator: null,
      licenseUrl: null,
    });
  });

  it('uses the host name when the feed sits at the root', () => {
    const system = fallbackSystem('https://Bikes.Example.COM/gbfs.json');

    expect(system.systemId).toBe('bikes-example-com');
    expect(system.name).toBe('bikes.example.com');
  });

  it('strips a gbfs endpoint without the .json suffix', () => {
    expect(fallbackSystem('http://localhost:8080/feeds/bergen/gbfs').systemId).toBe('localhost-feeds-bergen');
  });

  it('gives two cities on the same host different system ids, so their stations never mix', () => {
    const bergen = fallbackSystem('https://gbfs.urbansharing.com/bergenbysykkel.no/gbfs.json');
    const trondheim = fallbackSystem('https://gbfs.urbansharing.com/trondheimbysykkel.no/gbfs.json');

    expect(bergen.systemId).not.toBe(trondheim.systemId);
  });

  it('makes ids of lowercase letters, digits and single dashes only', () => {
    for (const url of ['https://gbfs.example.com/v2/Nord_Stadt/gbfs.json', 'https://gbfs.example.com/city/', 'https://gbfs.example.com/_feeds_/gbfs']) {
      expect(fallbackSystem(url).systemId).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
