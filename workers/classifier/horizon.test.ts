import { describe, expect, it } from 'vitest';
import { classifyHorizon, RACING_MARGIN_MS } from './horizon';

const t = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour));

describe('classifyHorizon', () => {
  it('stops at the newest stored report when the feed clock is ahead of it', () => {
    expect(classifyHorizon({ at: t(12), storedAt: t(3) }, false)).toEqual(t(3));
  });

  it('reaches the feed clock once everything is stored', () => {
    expect(classifyHorizon({ at: t(12), storedAt: t(12) }, false)).toEqual(t(12));
  });

  it('keeps well behind the stored front while a backlog races in', () => {
    expect(classifyHorizon({ at: t(12), storedAt: t(9) }, true)).toEqual(new Date(t(9).getTime() - RACING_MARGIN_MS));
  });

  it('has nothing to classify before the first report is stored', () => {
    expect(classifyHorizon({ at: t(12), storedAt: null }, false)).toBeNull();
    expect(classifyHorizon({ at: null, storedAt: null }, false)).toBeNull();
  });
});
