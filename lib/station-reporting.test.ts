import { describe, expect, it } from 'vitest';
import { isStationReporting } from './station-reporting';

const now = Date.parse('2024-09-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000);

describe('isStationReporting', () => {
  it('keeps a quiet station reporting until its heartbeat is overdue by three ttls', () => {
    expect(isStationReporting(ago(300), 10, 300, now)).toBe(true);
    expect(isStationReporting(ago(360), 10, 300, now)).toBe(true);
    expect(isStationReporting(ago(361), 10, 300, now)).toBe(false);
  });

  it('allows at least a minute past the heartbeat, more for a slow feed', () => {
    expect(isStationReporting(ago(355), 0, 300, now)).toBe(true);
    expect(isStationReporting(ago(480), 60, 300, now)).toBe(true);
    expect(isStationReporting(ago(481), 60, 300, now)).toBe(false);
  });

  it('treats a report from the future as current', () => {
    expect(isStationReporting(ago(-30), 10, 300, now)).toBe(true);
  });
});
