import type { StationInformationMessage, StationStatusMessage, SystemMessage } from '../lib/kafka/messages';
import type { CitySpec } from './scales';

/**
 * Share of the peak per-minute chance that a station's counts change, by local hour. Shaped after the
 * recorded Oslo snapshots in ../shared/data/gbfs/oslo (stations whose counts moved between 20-minute
 * snapshots, per hour): quiet 02-05, rush peaks at 08 and 16-17.
 */
const ACTIVITY_BY_HOUR = [
  0.15, 0.06, 0.01, 0.005, 0.005, 0.04, 0.24, 0.71, 1, 0.75, 0.48, 0.42, 0.42, 0.46, 0.52, 0.82, 0.95, 0.89, 0.78, 0.65, 0.53, 0.43, 0.39, 0.35,
];
/** 20-minute sampling hides moves that cancel out; a busy station at rush hour changes about every 10 minutes. */
const PEAK_CHANGES_PER_MINUTE = 0.1;

export interface SyntheticStation {
  info: StationInformationMessage;
  capacity: number;
  bikes: number;
  ebikes: number;
  disabled: number;
  /** -1 residential (empties in the morning) … +1 office district (fills in the morning). */
  flow: number;
  busyness: number;
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same city. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The last 12:00 UTC at or before `now`: every run ends its history at the same time of day. */
export function dataEnd(now = new Date()): Date {
  const end = new Date(now);
  end.setUTCHours(12, 0, 0, 0);
  if (end > now) end.setUTCDate(end.getUTCDate() - 1);
  return end;
}

export function utcOffsetHours(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - at.getTime()) / 60_000) / 60;
}

export function firstReportAt(spec: CitySpec, end: Date): Date {
  return new Date(end.getTime() - (spec.reports - 1) * spec.intervalMinutes * 60_000);
}

/** The id of the synthetic city's station number `index` (from 0). */
export const syntheticStationId = (index: number) => String(100 + index);

export function createStations(spec: CitySpec, seenAt: Date, random = createRandom(spec.stations)): SyntheticStation[] {
  return Array.from({ length: spec.stations }, (_, index) => {
    const capacity = random() < 0.1 ? 30 + Math.floor(random() * 21) : 12 + Math.floor(random() * 18);
    const bikes = Math.floor(random() * (capacity + 1));
    const angle = random() * 2 * Math.PI;
    const distanceKm = spec.center.radiusKm * Math.sqrt(random());
    const lat = spec.center.lat + (distanceKm / 111.32) * Math.sin(angle);
    const lon = spec.center.lon + (distanceKm / (111.32 * Math.cos((spec.center.lat * Math.PI) / 180))) * Math.cos(angle);
    return {
      info: {
        systemId: spec.systemId,
        stationId: syntheticStationId(index),
        name: `${spec.systemId === 'bench-oslo' ? 'Stasjon' : 'Station'} ${index + 1}`,
        address: null,
        lat: Number(lat.toFixed(6)),
        lon: Number(lon.toFixed(6)),
        capacity,
        seenAt,
      },
      capacity,
      bikes,
      ebikes: Math.floor(bikes * 0.3),
      disabled: 0,
      flow: random() * 2 - 1,
      busyness: 0.3 + random() * 1.7,
    };
  });
}

export function systemMessage(spec: CitySpec, end: Date): SystemMessage {
  return {
    systemId: spec.systemId,
    name: spec.name,
    timezone: spec.timezone,
    language: spec.timezone === 'Europe/Oslo' ? 'nb' : 'en',
    operator: null,
    licenseUrl: null,
    feedUrl: `http://127.0.0.1/bench/${spec.systemId}/gbfs.json`,
    ttlSeconds: 60,
    simulated: true,
    statusUpdatedAt: end,
    polledAt: end,
  };
}

/** One minute at one station: maybe some bikes leave or arrive, drawn towards the rush-hour flows. */
function step(station: SyntheticStation, localHour: number, random: () => number): void {
  if (random() < 0.0005) station.disabled = Math.floor(random() * 3);
  const chance = PEAK_CHANGES_PER_MINUTE * (ACTIVITY_BY_HOUR[localHour] ?? 0) * station.busyness;
  if (random() >= chance) return;
  const rush = localHour >= 6 && localHour < 10 ? 1 : localHour >= 15 && localHour < 19 ? -1 : 0;
  const fill = station.bikes / station.capacity;
  const arriving = random() < 0.5 + 0.3 * rush * station.flow + 0.3 * (0.5 - fill);
  const size = random() < 0.7 ? 1 : random() < 0.67 ? 2 : 3;
  const room = station.capacity - station.disabled;
  if (arriving) {
    const added = Math.min(size, Math.max(0, room - station.bikes));
    station.bikes += added;
    for (let i = 0; i < added; i += 1) if (random() < 0.3) station.ebikes += 1;
  } else {
    const taken = Math.min(size, station.bikes);
    for (let i = 0; i < taken; i += 1) if (random() < station.ebikes / station.bikes) station.ebikes -= 1;
    station.bikes -= taken;
  }
}

/**
 * Every station's report at every tick, one tick at a time, oldest first. Counts follow a random walk
 * bounded by capacity; an unchanged station still reports (a heartbeat), as a feed polled each tick does.
 */
export function* statusReports(spec: CitySpec, stations: SyntheticStation[], end: Date, random = createRandom(spec.stations * 7919)): Generator<StationStatusMessage[]> {
  const offset = utcOffsetHours(spec.timezone, end);
  const first = firstReportAt(spec, end).getTime();
  const intervalMs = spec.intervalMinutes * 60_000;
  for (let tick = 0; tick < spec.reports; tick += 1) {
    const at = first + tick * intervalMs;
    const localHour = Math.floor((((at / 3_600_000 + offset) % 24) + 24) % 24);
    yield stations.map((station, index) => {
      for (let minute = 0; minute < spec.intervalMinutes; minute += 1) step(station, localHour, random);
      const jitterMs = spec.sameTimeForAllStations ? 0 : ((index * 7919) % (intervalMs / 1000)) * 1000;
      return {
        systemId: spec.systemId,
        stationId: station.info.stationId,
        reportedAt: new Date(at - jitterMs),
        bikes: station.bikes,
        ebikes: station.ebikes,
        docks: Math.max(0, station.capacity - station.bikes - station.disabled),
        isInstalled: true,
        isRenting: true,
        isReturning: true,
      };
    });
  }
}
