import { describe, expect, it } from 'vitest';
import { formatDistance, nearest } from './nearest';

const jernbanetorget = { lat: 59.9115, lon: 10.7502 };
const places = [
  { name: 'Majorstuen', lat: 59.9297, lon: 10.7146 },
  { name: 'Nowhere', lat: null, lon: null },
  { name: 'Stortorvet', lat: 59.9128, lon: 10.7461 },
  { name: 'Jernbanetorget', ...jernbanetorget },
];

describe('the stations nearest the reader', () => {
  it('lists the closest first, with distances, and skips places without a position', () => {
    const found = nearest(places, jernbanetorget, 2);
    expect(found.map(({ place }) => place.name)).toEqual(['Jernbanetorget', 'Stortorvet']);
    expect(found[0]!.meters).toBe(0);
    expect(found[1]!.meters).toBeGreaterThan(200);
    expect(found[1]!.meters).toBeLessThan(300);
    expect(nearest(places, jernbanetorget, 10)).toHaveLength(3);
  });

  it('says how far in metres or kilometres', () => {
    expect([84, 949, 1234, 14_321].map((meters) => formatDistance(meters))).toEqual(['80 m', '950 m', '1.2 km', '14 km']);
    expect(formatDistance(1234, 'nb')).toBe('1,2 km');
  });
});
