import { describe, expect, it } from 'vitest';
import { FeedPace, PACE_WINDOW_MS } from './feed-pace';

const MINUTE = 60_000;
const feed = (ms: number) => new Date(Date.UTC(2026, 11, 7, 8) + ms);

describe('FeedPace', () => {
  it('calls a live feed steady, even when a slow feed jumps a whole ttl at once', () => {
    const pace = new FeedPace();
    const verdicts: boolean[] = [];
    // A 60-s ttl polled by 2-s rounds: the feed clock stands, then jumps a minute.
    for (let wall = 0; wall <= 5 * MINUTE; wall += 2_000) verdicts.push(pace.observe('oslo', feed(Math.floor(wall / MINUTE) * MINUTE), wall));
    expect(verdicts.every((racing) => !racing)).toBe(true);
  });

  it('calls a backlog racing: hours of feed in seconds', () => {
    const pace = new FeedPace();
    pace.observe('oslo', feed(0), 0);
    expect(pace.observe('oslo', feed(3 * 3_600_000), 2_000)).toBe(true);
  });

  it('calls the feed steady again once it stops racing for a window', () => {
    const pace = new FeedPace();
    pace.observe('oslo', feed(0), 0);
    expect(pace.observe('oslo', feed(6 * 3_600_000), 2_000)).toBe(true);
    expect(pace.observe('oslo', feed(6 * 3_600_000), 2_000 + PACE_WINDOW_MS / 2)).toBe(true);
    expect(pace.observe('oslo', feed(6 * 3_600_000), 3_000 + PACE_WINDOW_MS)).toBe(false);
  });

  it('judges each system on its own', () => {
    const pace = new FeedPace();
    pace.observe('oslo', feed(0), 0);
    pace.observe('bergen', feed(0), 0);
    expect(pace.observe('oslo', feed(5 * 3_600_000), 2_000)).toBe(true);
    expect(pace.observe('bergen', feed(2_000), 2_000)).toBe(false);
  });

  it('knows nothing of a system that has no update yet', () => {
    expect(new FeedPace().observe('oslo', null, 0)).toBe(false);
  });
});
