import { describe, expect, it } from 'vitest';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import { at, freeDocks } from './city-moves';
import { advanceLabelled, createLabelledCity, displayedCity, tickLabels, type LabelledCity } from './labelled-city';
import type { LabelledSettings } from './labelled-settings';
import { osloTime } from './test-support';

interface Tick {
  city: LabelledCity;
  labels: StationTickLabel[];
}

function runLabelled(seed: number, stations: number, hours: number, start: number, settings: Partial<LabelledSettings> = {}): Tick[] {
  let city = createLabelledCity(seed, stations, start, settings);
  const ticks: Tick[] = [{ city, labels: [] }];
  for (let n = 0; n < (hours * 3600) / city.settings.tickSeconds; n++) {
    city = advanceLabelled(city, city.nowSeconds + city.settings.tickSeconds);
    ticks.push({ city, labels: tickLabels(city) });
  }
  return ticks;
}

const shown = (city: LabelledCity) => {
  const view = displayedCity(city);
  return view.states.map((state, i) => ({ bikes: state.bikes, docks: freeDocks(at(view.layout, i), state) }));
};
const sum = (labels: readonly StationTickLabel[], key: 'ridersTaken' | 'trucksTaken' | 'trucksBrought') => labels.reduce((total, label) => total + label[key], 0);

describe('labelled city', { timeout: 60_000 }, () => {
  const midnight = osloTime('2024-09-10T00:00');
  const day = runLabelled(4, 250, 24, midnight, { glitchesPerHour: 6, burstsPerHour: 2, blipsPerHour: 0.25 });

  it('is the same run, tick for tick, for the same seed', () => {
    const again = runLabelled(4, 250, 2, midnight, { glitchesPerHour: 6, burstsPerHour: 2, blipsPerHour: 0.25 });
    expect(again.map((tick) => tick.labels)).toEqual(day.slice(0, again.length).map((tick) => tick.labels));
  });

  it('explains every change of the feed: riders plus trucks, unless the report before or after is a glitch', () => {
    const unexplained: string[] = [];
    for (let n = 1; n < day.length; n++) {
      const [before, after] = [day[n - 1], day[n]];
      if (!before || !after) continue;
      const [labelsBefore, labelsAfter] = [before, after].map((tick) => new Map(tick.labels.map((label) => [label.stationId, label])));
      const [was, is] = [shown(before.city), shown(after.city)];
      after.city.layout.forEach((station, i) => {
        const [then, now] = [labelsBefore?.get(station.id), labelsAfter?.get(station.id)];
        if (then?.glitch === true || now?.glitch === true) return;
        const moved = (now?.ridersBrought ?? 0) - (now?.ridersTaken ?? 0) + (now?.trucksBrought ?? 0) - (now?.trucksTaken ?? 0);
        if ((is[i]?.bikes ?? 0) - (was[i]?.bikes ?? 0) !== moved) unexplained.push(`${after.city.tick} ${station.id}`);
      });
    }
    expect(unexplained).toEqual([]);
  });

  it('sends riders on trips of 3 to 40 minutes, with bikes in transit between rental and return', () => {
    const durations = day.flatMap(({ city }, n) =>
      n === 0 ? [] : city.activity.trips.filter((trip) => !day[n - 1]?.city.activity.trips.includes(trip)).map((trip) => (trip.returnAt - city.nowSeconds) / 60),
    );
    expect(durations.length).toBeGreaterThan(10_000);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...durations)).toBeLessThanOrEqual(40);
    const noon = day.find(({ city }) => city.nowSeconds === osloTime('2024-09-10T12:00'));
    expect(noon?.city.activity.trips.length).toBeGreaterThan(100);
  });

  it('sends trucks from full stations to empty ones, 4-12 bikes, some split over two reports, more of them at night', () => {
    const labels = day.flatMap((tick) => tick.labels);
    expect(sum(labels, 'trucksTaken')).toBeGreaterThan(300);
    expect(sum(labels, 'trucksBrought')).toBeLessThanOrEqual(sum(labels, 'trucksTaken'));
    const pickups = labels.filter((label) => label.trucksTaken > 0).map((label) => label.trucksTaken);
    expect(Math.max(...pickups)).toBeLessThanOrEqual(12);
    expect(pickups.filter((bikes) => bikes < 4).length).toBeGreaterThan(0);
    const byHour = (from: number, to: number) => {
      const hours = labels.filter((label) => {
        const hour = (label.at / 1000 - midnight) / 3600;
        return hour >= from && hour < to;
      });
      return sum(hours, 'trucksTaken') / (to - from);
    };
    expect(byHour(0, 6)).toBeGreaterThan(byHour(9, 15));
  });

  it('ends events with many rentals at one station, and glitches the feed in every way', () => {
    const labels = day.flatMap((tick) => tick.labels);
    expect(labels.some((label) => label.ridersTaken >= 8)).toBe(true);
    let [zeroZero, aboveCapacity, negative] = [0, 0, 0];
    for (const { city } of day) {
      shown(city).forEach(({ bikes, docks }, i) => {
        if (bikes === 0 && docks === 0) zeroZero++;
        if (bikes > at(city.layout, i).capacity) aboveCapacity++;
        if (bikes < 0 || docks < 0) negative++;
      });
    }
    expect([zeroZero > 0, aboveCapacity > 0, negative]).toEqual([true, true, 0]);
    const blips = day.filter(({ labels: tick }) => tick.filter((label) => label.glitch).length > 200);
    expect(blips.length).toBeGreaterThan(0);
  });
});
