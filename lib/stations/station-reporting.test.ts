import { describe, expect, it } from 'vitest';
import { isStationReporting, latestFeedUpdate, reportingCutoff } from './station-reporting';

const feedUpdate = new Date('2024-09-10T12:00:00Z');
const before = (seconds: number) => new Date(feedUpdate.getTime() - seconds * 1000);

describe('isStationReporting', () => {
  it('keeps a quiet station reporting until its heartbeat is overdue by three ttls', () => {
    expect(isStationReporting(before(300), feedUpdate, 10, 300)).toBe(true);
    expect(isStationReporting(before(360), feedUpdate, 10, 300)).toBe(true);
    expect(isStationReporting(before(361), feedUpdate, 10, 300)).toBe(false);
  });

  it('allows at least a minute past the heartbeat, more for a slow feed', () => {
    expect(isStationReporting(before(355), feedUpdate, 0, 300)).toBe(true);
    expect(isStationReporting(before(480), feedUpdate, 60, 300)).toBe(true);
    expect(isStationReporting(before(481), feedUpdate, 60, 300)).toBe(false);
  });

  it('judges against the feed’s latest update, not the clock: a stale feed does not silence its stations', () => {
    const hourOldFeed = before(3600);
    expect(isStationReporting(before(3650), hourOldFeed, 15, 300)).toBe(true);
    expect(isStationReporting(before(3600 + 400), hourOldFeed, 15, 300)).toBe(false);
  });

  it('treats a report later than the feed update (Oslo’s last_reported runs a few seconds ahead) as current', () => {
    expect(isStationReporting(before(-14), feedUpdate, 10, 300)).toBe(true);
  });
});

describe('reportingCutoff', () => {
  it('is the heartbeat plus the margin before the feed update', () => {
    expect(reportingCutoff(feedUpdate, 15, 300).toISOString()).toBe('2024-09-10T11:54:00.000Z');
  });
});

describe('latestFeedUpdate', () => {
  it('uses the feed’s own time, or the poll time when the feed gave none', () => {
    const polledAt = new Date('2024-09-10T12:00:05Z');
    expect(latestFeedUpdate({ statusUpdatedAt: feedUpdate, polledAt })).toBe(feedUpdate);
    expect(latestFeedUpdate({ statusUpdatedAt: null, polledAt })).toBe(polledAt);
  });
});
