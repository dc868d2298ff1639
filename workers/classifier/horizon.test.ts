import { describe, expect, it } from 'vitest';
import { classifyHorizon } from './horizon';

const t = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour));

describe('classifyHorizon', () => {
  it('stops at the newest stored report when the feed clock is ahead of it', () => {
    expect(classifyHorizon({ at: t(12), storedAt: t(3) })).toEqual(t(3));
  });

  it('reaches the feed clock once everything is stored', () => {
    expect(classifyHorizon({ at: t(12), storedAt: t(12) })).toEqual(t(12));
  });

  it('has nothing to classify before the first report is stored', () => {
    expect(classifyHorizon({ at: t(12), storedAt: null })).toBeNull();
    expect(classifyHorizon({ at: null, storedAt: null })).toBeNull();
  });
});
