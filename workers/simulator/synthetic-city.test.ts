import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { usableDocks } from './city-moves';
import { gbfsV2Format } from './city-format-v2';
import { advance, changedStationCount, createCity, type City } from './synthetic-city';
import { osloTime } from './test-support';

function run(city: City, ticks: number, startSeconds: number, interval = 10): City[] {
  const cities = [city];
  for (let tick = 1; tick <= ticks; tick++) cities.push(advance(cities.at(-1) ?? city, startSeconds + tick * interval));
  return cities;
}

function occupancy(city: City, inZone: (centrality: number) => boolean): number {
  let bikes = 0;
  let docks = 0;
  city.layout.forEach((station, i) => {
    if (!inZone(station.centrality)) return;
    bikes += city.states[i]?.bikes ?? 0;
    docks += usableDocks(station);
  });
  return bikes / docks;
}

const statusSchema = z.object({
  data: z.object({
    stations: z.array(
      z.object({
        num_bikes_available: z.number(),
        num_docks_available: z.number(),
        num_vehicles_available: z.number(),
        vehicle_types_available: z.array(z.object({ vehicle_type_id: z.enum(['bike', 'ebike']), count: z.number() })),
        is_installed: z.boolean(),
        is_renting: z.boolean(),
        last_reported: z.number(),
      }),
    ),
  }),
});

const statusRows = (city: City) => statusSchema.parse(gbfsV2Format.stationStatus(city, 10)).data.stations;

describe('synthetic city', () => {
  const start = osloTime('2024-09-10T12:00');

  it('is the same city, tick for tick, for the same seed', () => {
    const first = run(createCity(7, 120, start), 50, start);
    const second = run(createCity(7, 120, start), 50, start);
    expect(second).toEqual(first);
    expect(run(createCity(8, 120, start), 50, start).at(-1)?.states).not.toEqual(first.at(-1)?.states);
  });

  it('lays out unique names and ids around the centre with capacities of 10-40', () => {
    const { layout } = createCity(1, 250, start);
    expect(new Set(layout.map((s) => s.name)).size).toBe(250);
    expect(layout[0]?.id).toBe('sim-0001');
    for (const station of layout) {
      expect(station.capacity).toBeGreaterThanOrEqual(10);
      expect(station.capacity).toBeLessThanOrEqual(40);
      expect(Math.abs(station.lat - 59.91)).toBeLessThan(0.05);
      expect(Math.abs(station.lon - 10.75)).toBeLessThan(0.1);
    }
  });

  it('keeps every station status within its capacity over 1000 ticks', () => {
    const problems: string[] = [];
    for (const city of run(createCity(3, 250, start), 1000, start)) {
      for (const [i, row] of statusRows(city).entries()) {
        const { num_bikes_available: bikes, num_docks_available: docks, vehicle_types_available: types } = row;
        const ebikes = types.find((t) => t.vehicle_type_id === 'ebike')?.count ?? 0;
        const ok =
          bikes >= 0 &&
          docks >= 0 &&
          bikes + docks <= (city.layout[i]?.capacity ?? 0) &&
          ebikes <= bikes &&
          types.reduce((sum, t) => sum + t.count, 0) === bikes &&
          row.num_vehicles_available === bikes &&
          row.last_reported === city.nowSeconds;
        if (!ok) problems.push(`tick ${city.tick}: ${JSON.stringify(row)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('changes at least one station every tick, even at night and in a tiny city', () => {
    for (const [stations, time] of [[250, osloTime('2024-09-10T03:00')], [2, start], [5, start]] as const) {
      const cities = run(createCity(11, stations, time), 1000, time);
      const stillTicks = cities.filter((city, i) => i > 0 && changedStationCount(cities[i - 1]?.states ?? [], city.states) === 0);
      expect(stillTicks.map((city) => city.tick)).toEqual([]);
    }
  });

  it('fills the centre during the morning commute and empties it in the evening', () => {
    const centre = (c: number) => c > 0.6;
    const morning = osloTime('2024-09-10T07:00');
    const [beforeWork, afterMorning] = [createCity(5, 250, morning), run(createCity(5, 250, morning), 720, morning).at(-1)];
    expect(occupancy(afterMorning ?? beforeWork, centre)).toBeGreaterThan(occupancy(beforeWork, centre) + 0.05);

    const evening = osloTime('2024-09-10T16:00');
    const afterEvening = run(createCity(5, 250, evening), 720, evening).at(-1);
    expect(occupancy(afterEvening ?? beforeWork, centre)).toBeLessThan(occupancy(beforeWork, centre) - 0.05);
  });

  it('takes stations out of service now and then, freezing their bikes, and brings them back', () => {
    const cities = run(createCity(2, 250, start), 1000, start);
    const outages = cities.flatMap((city) => statusRows(city).filter((row) => row.is_installed === false));
    expect(outages.length).toBeGreaterThan(0);
    for (const row of outages) expect(row.is_renting).toBe(false);
    const last = cities.at(-1);
    expect(last?.states.filter((s) => s.outOfServiceUntil !== null).length).toBeLessThan(250 * 0.05 + 1);
  });
});
