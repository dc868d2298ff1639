import { describe, expect, it } from 'vitest';
import type { StationJson } from '../api/api-types';
import { findStations } from '../stations/station-search';
import { filterAndSortStations } from '../stations/station-table';
import { compareStationNames } from './collate';

const NORWEGIAN_ORDER = ['Aker brygge', 'Oslo S', 'Zoo', 'Ælvegata', 'Ørkenveien', 'Åsengata'];
const shuffled = ['Åsengata', 'Zoo', 'Ørkenveien', 'Aker brygge', 'Ælvegata', 'Oslo S'];

const station = (stationId: string, name: string): StationJson => ({
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
});

describe('compareStationNames', () => {
  it('puts Æ, Ø and Å after Z, in that order', () => {
    expect([...shuffled].sort(compareStationNames)).toEqual(NORWEGIAN_ORDER);
  });

  it('ignores case, and orders numbers by value', () => {
    expect(compareStationNames('aker brygge', 'Aker Brygge')).toBe(0);
    expect(['Pilestredet 10', 'Pilestredet 9'].sort(compareStationNames)).toEqual(['Pilestredet 9', 'Pilestredet 10']);
  });
});

describe('station lists in Norwegian order', () => {
  const stations = shuffled.map((name, index) => station(String(index), name));
  const names = (list: StationJson[]) => list.map((s) => s.name);

  it('the station table sorts Å after Z, and back again', () => {
    expect(names(filterAndSortStations(stations, '', 'name', 'ascending'))).toEqual(NORWEGIAN_ORDER);
    expect(names(filterAndSortStations(stations, '', 'name', 'descending'))).toEqual([...NORWEGIAN_ORDER].reverse());
  });

  it('the map search lists its matches in the same order', () => {
    const list = ['Åsen skole', 'Zoologisk museum', 'Asker torg', 'Østbanehallen'].map((name, index) => station(String(index), name));
    // "s" is inside every name, at the start of none: the matches come back in name order.
    expect(names(findStations(list, 's', 10))).toEqual(['Asker torg', 'Zoologisk museum', 'Østbanehallen', 'Åsen skole']);
  });
});
