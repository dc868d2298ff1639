/** Rates of the labelled activity model, per hour of city time for a 250-station city (scaled with its size). */
export interface LabelledSettings {
  /** Simulated seconds per tick; trips last 3–40 minutes of these. */
  tickSeconds: number;
  /** Riders' trips, as a multiple of the classic city's demand curve. */
  riderScale: number;
  trucksPerHour: number;
  /** Trucks work this many times harder at night (22:00–06:00). */
  nightTruckFactor: number;
  /** Events ending: many rentals at one station within a report or two (10:00–23:00). */
  burstsPerHour: number;
  /** One-station glitches: zero/zero, one-report spikes, counts above capacity. */
  glitchesPerHour: number;
  /** Whole-system blips (every station shows no bikes for one report), per hour regardless of size. */
  blipsPerHour: number;
}

export const DEFAULT_LABELLED_SETTINGS: LabelledSettings = {
  tickSeconds: 60,
  riderScale: 1,
  trucksPerHour: 6,
  nightTruckFactor: 2,
  burstsPerHour: 0.5,
  glitchesPerHour: 2,
  blipsPerHour: 1 / 12,
};

/** Expected events in `seconds` for a rate per hour per 250 stations. */
export const expectedEvents = (perHour: number, stationCount: number, seconds: number) =>
  (perHour * (stationCount / 250) * seconds) / 3600;
