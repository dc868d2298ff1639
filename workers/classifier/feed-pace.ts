/** The stretch of wall time the pace is judged over: long enough to smooth a feed's ttl steps. */
export const PACE_WINDOW_MS = 10_000;
/** Feed time running this many times faster than the wall clock means a backlog is being ingested. */
export const RACING_RATIO = 3;
/** One update may jump a whole ttl (a minute or two on slow feeds) at once: that alone is not a backlog. */
export const RACING_SLACK_MS = 2 * 60_000;

interface Sample {
  wallMs: number;
  atMs: number;
}

/**
 * Tells, per system, whether its newest stored report runs ahead of the wall clock: the consumer is
 * working through a backlog, or a recorded run is being replayed. The classifier then
 * steps back (see classify-loop.ts) so ingest keeps the machine.
 */
export class FeedPace {
  private readonly samples = new Map<string, Sample[]>();

  /** Records the system's newest stored report as seen at `wallMs`; true while it races. */
  observe(systemId: string, at: Date | null, wallMs: number): boolean {
    if (at === null) return false;
    const kept = (this.samples.get(systemId) ?? []).filter((sample) => wallMs - sample.wallMs <= PACE_WINDOW_MS);
    kept.push({ wallMs, atMs: at.getTime() });
    this.samples.set(systemId, kept);
    const oldest = kept[0]!;
    return at.getTime() - oldest.atMs > RACING_RATIO * (wallMs - oldest.wallMs) + RACING_SLACK_MS;
  }
}
