import { describe, expect, it } from 'vitest';
import { FeedError } from './errors';
import { parseStationInformation } from './parse-station-information';

function file(stations: unknown[]) {
  return { last_updated: 1_666_548_064, ttl: 10, version: '2.2', data: { stations } };
}

describe('parseStationInformation', () => {
  it('turns numbers sent as strings into numbers', () => {
    const body = file([{ station_id: '377', name: 'Tullinløkka', address: 'Tullinløkka', lat: '59.9158', lon: '10.7359', capacity: '21' }]);

    const { items, rejected } = parseStationInformation(body, 'oslo');

    expect(rejected).toEqual([]);
    expect(items).toEqual([
      { systemId: 'oslo', stationId: '377', name: 'Tullinløkka', address: 'Tullinløkka', lat: 59.9158, lon: 10.7359, capacity: 21 },
    ]);
  });

  it('turns control characters in names and addresses into spaces, so PostgreSQL never refuses the row', () => {
    const { items, rejected } = parseStationInformation(file([{ station_id: 's1', name: 'Torg\u0000et\tNord', address: 'Gate\u0007 1', lat: 60.39, lon: 5.32 }]), 'bergen');

    expect(rejected).toEqual([]);
    expect(items[0]?.name).toBe('Torg et Nord');
    expect(items[0]?.address).toBe('Gate  1');
  });

  it('accepts integer station ids and stores them as text', () => {
    const { items } = parseStationInformation(file([{ station_id: 42, name: 'Torget', lat: 60.39, lon: 5.32 }]), 'bergen');

    expect(items[0]?.stationId).toBe('42');
    expect(items[0]?.capacity).toBeNull();
    expect(items[0]?.address).toBeNull();
  });

  it('keeps the first of two stations with the same id and rejects the other with a reason', () => {
    const body = file([
      { station_id: '1', name: 'First', lat: 59.9, lon: 10.7 },
      { station_id: 1, name: 'Second', lat: 59.8, lon: 10.6 },
    ]);

    const { items, rejected } = parseStationInformation(body, 'oslo');

    expect(items.map((station) => station.name)).toEqual(['First']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ feed: 'station_information', stationId: '1', reason: 'duplicate station_id' });
  });

  it('rejects a station with an impossible latitude and keeps the others', () => {
    const body = file([
      { station_id: 'a', name: 'Good A', lat: 59.9, lon: 10.7 },
      { station_id: 'b', name: 'Bad', lat: 123.4, lon: 10.7 },
      { station_id: 'c', name: 'Good C', lat: '59.95', lon: '10.75' },
    ]);

    const { items, rejected } = parseStationInformation(body, 'oslo');

    expect(items.map((station) => station.stationId)).toEqual(['a', 'c']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.stationId).toBe('b');
    expect(rejected[0]?.reason).toMatch(/lat/);
    expect(rejected[0]?.raw).toEqual({ station_id: 'b', name: 'Bad', lat: 123.4, lon: 10.7 });
  });

  it('rejects a latitude that is not a number at all', () => {
    const { items, rejected } = parseStationInformation(file([{ station_id: 'x', name: 'X', lat: '59,9', lon: 10.7 }]), 'oslo');

    expect(items).toEqual([]);
    expect(rejected[0]?.reason).toMatch(/lat/);
  });

  it('picks the configured language from 3.0 localized station names', () => {
    const body = file([
      { station_id: 's1', name: [{ text: 'Jernbanetorget', language: 'nb' }, { text: 'Central Station', language: 'en' }], lat: 59.91, lon: 10.75 },
    ]);

    expect(parseStationInformation(body, 'oslo', 'en').items[0]?.name).toBe('Central Station');
    expect(parseStationInformation(body, 'oslo', 'de').items[0]?.name).toBe('Jernbanetorget');
  });

  it('throws a FeedError when the file has no station list', () => {
    expect(() => parseStationInformation({ last_updated: 1, ttl: 10, data: {} }, 'oslo')).toThrow(FeedError);
  });
});
