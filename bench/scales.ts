export type ScaleName = 'smoke' | 'small' | 'full';

/** A synthetic bike-share system: how many stations report, how often, and over how long. */
export interface CitySpec {
  systemId: string;
  name: string;
  timezone: string;
  center: { lat: number; lon: number; radiusKm: number };
  stations: number;
  intervalMinutes: number;
  /** Reports per station; rows = stations × reports. */
  reports: number;
  /** Oslo's feed gives every station the feed's generation time; other feeds report per station. */
  sameTimeForAllStations: boolean;
}

export interface Scale {
  name: ScaleName;
  oslo: CitySpec;
  city: CitySpec;
  ingestRows: number;
  baselineRows: number;
  baselineMaxSeconds: number;
  queryRuns: number;
  seedRuns: number;
  httpSeconds: number;
  httpRate: number;
  pageRuns: number;
  /** Concurrent /api/stream clients stepped through (bench/stream.ts), and commits timed at each step. */
  streamSteps: readonly number[];
  streamRounds: number;
  growth: readonly number[];
  /** The article's query at 4× and 16× runs once, and is given up on after this long (and not tried at larger sizes). */
  seedTimeoutMs: number;
  /** Longest wait for an idle machine before the read figures (bench/settle.ts). */
  settleMaxSeconds: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

function oslo(minutes: number): CitySpec {
  return {
    systemId: 'bench-oslo',
    name: 'Oslo-sized city (synthetic, 270 stations)',
    timezone: 'Europe/Oslo',
    center: { lat: 59.9189, lon: 10.7523, radiusKm: 5 },
    stations: 270,
    intervalMinutes: 1,
    reports: minutes,
    sameTimeForAllStations: true,
  };
}

function city2000(minutes: number): CitySpec {
  return {
    systemId: 'bench-city2000',
    name: 'City of 2,000 stations (synthetic)',
    timezone: 'America/New_York',
    center: { lat: 40.7306, lon: -73.9866, radiusKm: 12 },
    stations: 2000,
    intervalMinutes: 5,
    reports: minutes / 5,
    sameTimeForAllStations: false,
  };
}

export const SCALES: Record<ScaleName, Scale> = {
  smoke: {
    name: 'smoke',
    oslo: oslo(HOUR),
    city: city2000(30),
    ingestRows: 20_000,
    baselineRows: 1_000,
    baselineMaxSeconds: 5,
    queryRuns: 20,
    seedRuns: 1,
    httpSeconds: 1,
    httpRate: 50,
    streamSteps: [20, 100],
    streamRounds: 5,
    pageRuns: 1,
    growth: [1, 4, 16],
    seedTimeoutMs: 30_000,
    settleMaxSeconds: 5,
  },
  small: {
    name: 'small',
    oslo: oslo(12 * HOUR),
    city: city2000(8 * HOUR),
    ingestRows: 200_000,
    baselineRows: 5_000,
    baselineMaxSeconds: 20,
    queryRuns: 200,
    seedRuns: 5,
    httpSeconds: 10,
    httpRate: 200,
    streamSteps: [100, 1000, 2000, 4000, 6000],
    streamRounds: 20,
    pageRuns: 3,
    growth: [1, 4, 16],
    seedTimeoutMs: 60_000,
    settleMaxSeconds: 30,
  },
  full: {
    name: 'full',
    oslo: oslo(30 * DAY),
    city: city2000(7 * DAY),
    ingestRows: 1_000_000,
    baselineRows: 20_000,
    baselineMaxSeconds: 30,
    queryRuns: 200,
    seedRuns: 3,
    httpSeconds: 10,
    httpRate: 200,
    streamSteps: [100, 1000, 2000, 4000, 6000],
    streamRounds: 20,
    pageRuns: 5,
    growth: [1, 4, 16],
    seedTimeoutMs: 120_000,
    settleMaxSeconds: 120,
  },
};

export const rowsOf = (spec: CitySpec) => spec.stations * spec.reports;
