/** A station is forgotten once the feed has not listed it for this long. */
export const FORGET_AFTER_MS = 24 * 3600_000;
/** No real system has this many stations; a feed inventing new ids every poll cannot grow the map past it. */
export const MAX_REMEMBERED_STATIONS = 100_000;

interface Entry<T> {
  value: T;
  seenAt: number;
}

/**
 * What one system's producer remembers per station. The feed decides which ids exist, so entries
 * are kept in the order they were last seen: stations gone for FORGET_AFTER_MS, and the least
 * recently seen past MAX_REMEMBERED_STATIONS, are dropped from the front. A forgotten station that
 * returns is treated as new (sent in full once), which costs a message, never a wrong row.
 */
export class StationMemory<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly forgetAfterMs = FORGET_AFTER_MS,
    private readonly maxStations = MAX_REMEMBERED_STATIONS,
  ) {}

  get(stationId: string): T | undefined {
    return this.entries.get(stationId)?.value;
  }

  set(stationId: string, value: T, now: number): void {
    this.entries.delete(stationId);
    this.entries.set(stationId, { value, seenAt: now });
  }

  /** The feed listed this station now. */
  touch(stationId: string, now: number): void {
    const entry = this.entries.get(stationId);
    if (entry) this.set(stationId, entry.value, now);
  }

  /** Drops stations unseen for forgetAfterMs and the oldest past maxStations; returns how many. */
  forget(now: number): number {
    let forgotten = 0;
    for (const [stationId, entry] of this.entries) {
      if (entry.seenAt > now - this.forgetAfterMs && this.entries.size <= this.maxStations) break;
      this.entries.delete(stationId);
      forgotten += 1;
    }
    return forgotten;
  }
}
