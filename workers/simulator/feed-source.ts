import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { FeedName } from './gbfs-documents';

export interface SimulatorState {
  mode: 'synthetic' | 'replay';
  /** Replay: index of the snapshot being served. Synthetic: the tick number. */
  snapshotIndex: number;
  /** Replay: number of snapshots. Synthetic: null, the city runs forever. */
  snapshotCount: number | null;
  lastUpdated: number;
}

/** What the HTTP server serves; the synthetic city and the replay folder each implement it. */
export interface FeedSource {
  /** "synthetic, GBFS 2.3" or "replay DIR". */
  readonly description: string;
  /** Called on every GET of station_status.json; with --interval 0 the feed moves on here. */
  noteStatusFetch(): void;
  /** The gbfs.json document, its feed URLs under baseUrl. */
  discovery(baseUrl: string): unknown;
  /** JSON text of a feed file, or undefined when this source has no such feed. */
  feedBody(name: FeedName): string | undefined;
  state(): SimulatorState;
  /** A labelled city's truth about its ticks after `sinceMs`; absent for other sources. */
  labels?(sinceMs: number): StationTickLabel[];
}

export const secondsOf = (milliseconds: number) => Math.floor(milliseconds / 1000);
