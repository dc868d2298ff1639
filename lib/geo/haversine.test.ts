import { describe, expect, it } from 'vitest';
import { haversineMeters } from './haversine';

describe('haversineMeters', () => {
  it('is zero for the same point', () => {
    expect(haversineMeters({ lat: 59.91, lon: 10.75 }, { lat: 59.91, lon: 10.75 })).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km anywhere', () => {
    expect(haversineMeters({ lat: 0, lon: 10 }, { lat: 1, lon: 10 })).toBeCloseTo(111_195, -1);
    expect(haversineMeters({ lat: 59, lon: 10 }, { lat: 60, lon: 10 })).toBeCloseTo(111_195, -1);
  });

  it('shrinks a degree of longitude with the cosine of the latitude (Oslo is near 60° N)', () => {
    expect(haversineMeters({ lat: 60, lon: 10 }, { lat: 60, lon: 11 })).toBeCloseTo(55_597, -2);
  });

  it('gets a short station move right to the metre', () => {
    // 0.001° of latitude is 111.2 m.
    expect(Math.round(haversineMeters({ lat: 59.9127, lon: 10.7461 }, { lat: 59.9137, lon: 10.7461 }))).toBe(111);
  });

  it('is symmetric and handles the antimeridian and antipodes', () => {
    const a = { lat: 10, lon: 179.9 };
    const b = { lat: 10, lon: -179.9 };
    expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 6);
    expect(haversineMeters(a, b)).toBeLessThan(25_000);
    expect(haversineMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});
