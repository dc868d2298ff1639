import { describe, expect, it } from 'vitest';
import { collapsePointer, stationIdAt } from './json-pointer';

describe('collapsePointer', () => {
  it('turns every array index into *, so one wrong field at 260 stations is one pattern', () => {
    expect(collapsePointer('/data/stations/17/num_docks_available')).toBe('/data/stations/*/num_docks_available');
    expect(collapsePointer('/data/stations/0/vehicle_types_available/3/count')).toBe('/data/stations/*/vehicle_types_available/*/count');
    expect(collapsePointer('/data/stations/12')).toBe('/data/stations/*');
  });

  it('leaves names that merely contain digits alone', () => {
    expect(collapsePointer('/data/nb/feeds/2/url')).toBe('/data/nb/feeds/*/url');
    expect(collapsePointer('/data/v2x/ttl10')).toBe('/data/v2x/ttl10');
    expect(collapsePointer('')).toBe('');
  });
});

describe('stationIdAt', () => {
  const document = { data: { stations: [{ station_id: 'a' }, { station_id: 42 }, { name: 'no id' }] } };

  it('finds the station a pointer points into', () => {
    expect(stationIdAt(document, '/data/stations/0/is_installed')).toBe('a');
    expect(stationIdAt(document, '/data/stations/1')).toBe('42');
  });

  it('gives null outside the station list or for a station without an id', () => {
    expect(stationIdAt(document, '/data/stations/2/lat')).toBeNull();
    expect(stationIdAt(document, '/data/stations/9/lat')).toBeNull();
    expect(stationIdAt(document, '/last_updated')).toBeNull();
    expect(stationIdAt(null, '/data/stations/0')).toBeNull();
  });
});
