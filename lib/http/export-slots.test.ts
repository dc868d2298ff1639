import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_EXPORTS, takeExportSlot } from './export-slots';

describe('takeExportSlot', () => {
  it('refuses once every slot is taken, and a released slot (released twice or not) frees exactly one', () => {
    const releases = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => takeExportSlot());
    expect(releases.every((release) => release !== null)).toBe(true);
    expect(takeExportSlot()).toBeNull();
    releases[0]?.();
    releases[0]?.();
    const again = takeExportSlot();
    expect(again).not.toBeNull();
    expect(takeExportSlot()).toBeNull();
    again?.();
    for (const release of releases) release?.();
  });
});
