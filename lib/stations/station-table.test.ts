import { describe, expect, it } from 'vitest';
import type { StationJson } from '../api/api-types';
import { filterAndSortStations, sameStation, searchText } from './station-table';

function station(stationId: string, name: string | null, counts: Partial<StationJson> = {}): StationJson {
  return {
    stationId,
    name,
    lat: 59.9,
    lon: 10.7,
    capacity: 20,
    bikes: 5,
    ebikes: 1,
    docks: 15,
    isInstalled: true,
    isRenting: true,
    isReturning: true,
    reportedAt: '2026-11-27T12:00:00.000Z',
    reporting: true,
    ...counts,
  };
}

const stations = [
  station('1', 'Ullevål stadion', { bikes: 0, docks: 20 }),
  station('2', 'Aker Brygge', { bikes: 12, docks: 0 }),
  station('3', 'Bjørvika', { bikes: 2, ebikes: null }),
  station('4', 'Torggata', { bikes: 7, isRenting: false }),
  station('5', null, { bikes: 7 }),
];

const ids = (list: StationJson[]) => list.map((s) => s.stationId);

describe('filterAndSortStations', () => {
  it('finds names without caring about case or Norwegian letters', () => {
    expect(ids(filterAndSortStations(stations, 'ULLEVAL', 'name', 'ascending'))).toEqual(['1']);
    expect(ids(filterAndSortStations(stations, 'bjorv', 'name', 'ascending'))).toEqual(['3']);
    expect(ids(filterAndSortStations(stations, '  ', 'name', 'ascending'))).toHaveLength(5);
  });

  it('sorts by name, using the station id when the feed gave no name', () => {
    expect(ids(filterAndSortStations(stations, '', 'name', 'ascending'))).toEqual(['5', '2', '3', '4', '1']);
    expect(ids(filterAndSortStations(stations, '', 'name', 'descending'))).toEqual(['1', '4', '3', '2', '5']);
  });

  it('sorts by bikes with ties broken by name, and puts unreported e-bikes last', () => {
    expect(ids(filterAndSortStations(stations, '', 'bikes', 'descending'))).toEqual(['2', '5', '4', '3', '1']);
    expect(ids(filterAndSortStations(stations, '', 'ebikes', 'ascending'))[0]).toBe('3');
  });

  it('sorts by status from empty through full to closed', () => {
    expect(ids(filterAndSortStations(stations, '', 'status', 'ascending'))).toEqual(['1', '3', '5', '2', '4']);
  });

  it('leaves the input untouched', () => {
    const before = ids(stations);
    filterAndSortStations(stations, '', 'bikes', 'ascending');
    expect(ids(stations)).toEqual(before);
  });
});

describe('searchText', () => {
  it('folds accents and æ/ø', () => {
    expect(searchText(' Ærlighetsgata Østre Å ')).toBe('aerlighetsgata ostre a');
  });
});

describe('sameStation', () => {
  it('tells a changed count from an identical copy', () => {
    const a = station('1', 'A');
    expect(sameStation(a, { ...a })).toBe(true);
    expect(sameStation(a, { ...a, docks: 14 })).toBe(false);
  });
});
