import { describe, expect, it } from 'vitest';
import { FeedError } from './errors';
import { parseEbikeTypeIds } from './parse-vehicle-types';

function file(vehicleTypes: unknown[]) {
  return { last_updated: 1_726_000_000, ttl: 15, version: '2.3', data: { vehicle_types: vehicleTypes } };
}

describe('parseEbikeTypeIds', () => {
  it('counts electric-assist and fully electric bicycles as e-bikes, and nothing else', () => {
    const ids = parseEbikeTypeIds(
      file([
        { vehicle_type_id: 'classic', form_factor: 'bicycle', propulsion_type: 'human' },
        { vehicle_type_id: 'pedelec', form_factor: 'bicycle', propulsion_type: 'electric_assist' },
        { vehicle_type_id: 'speed', form_factor: 'bicycle', propulsion_type: 'electric' },
        { vehicle_type_id: 'kick', form_factor: 'scooter', propulsion_type: 'electric' },
        { vehicle_type_id: 'moped', form_factor: 'moped', propulsion_type: 'electric' },
      ]),
    );

    expect([...ids].sort()).toEqual(['pedelec', 'speed']);
  });

  it('treats a type without form_factor as a bicycle and numeric ids as text', () => {
    const ids = parseEbikeTypeIds(file([{ vehicle_type_id: 2, propulsion_type: 'electric_assist' }, { vehicle_type_id: 1 }]));

    expect([...ids]).toEqual(['2']);
  });

  it('gives an empty set for a fleet without e-bikes, so no bike is counted as electric', () => {
    expect(parseEbikeTypeIds(file([{ vehicle_type_id: 'bike', form_factor: 'bicycle', propulsion_type: 'human' }])).size).toBe(0);
  });

  it('throws a FeedError for a file without a vehicle_types list', () => {
    expect(() => parseEbikeTypeIds({ last_updated: 1_726_000_000, ttl: 15, data: { vehicles: [] } })).toThrow(FeedError);
    expect(() => parseEbikeTypeIds({ last_updated: 1_726_000_000, ttl: 15, data: { vehicles: [] } })).toThrow(/^vehicle_types: /);
  });
});
