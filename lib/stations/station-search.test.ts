import { describe, expect, it } from 'vitest';
import type { StationJson } from '../api/api-types';
import { findStations } from './station-search';

const station = (stationId: string, name: string | null) => ({ stationId, name }) as StationJson;
const stations = [station('1', 'Torggata'), station('2', 'Ullevål stadion'), station('3', 'Youngstorget'), station('4', null), station('5', 'Tøyen torg')];
const names = (query: string, limit = 5) => findStations(stations, query, limit).map((found) => found.name ?? found.stationId);

describe('finding a station to show on the map', () => {
  it('lists names that start with the query before names that contain it', () => {
    expect(names('torg')).toEqual(['Torggata', 'Tøyen torg', 'Youngstorget']);
  });

  it('finds "Ullevål" typed without the ring, and a nameless station by its id', () => {
    expect(names('ulleval')).toEqual(['Ullevål stadion']);
    expect(names('4')).toEqual(['4']);
  });

  it('offers nothing for an empty query and no more than asked for', () => {
    expect(names('  ')).toEqual([]);
    expect(names('t', 2)).toHaveLength(2);
  });
});
