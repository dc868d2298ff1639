import { describe, expect, it } from 'vitest';
import { changesPageKey, stationsKey } from './keys';

describe('SWR keys', () => {
  it('are the API URLs, with ids escaped', () => {
    expect(stationsKey('oslo bysykkel')).toBe('/api/stations?system=oslo%20bysykkel');
  });

  it('chain change pages by cursor and stop after the last page', () => {
    const key = changesPageKey('oslobysykkel');
    expect(key(0, null)).toBe('/api/changes?system=oslobysykkel&limit=50');
    expect(key(1, { changes: [], next: 'abc_-1' })).toBe('/api/changes?system=oslobysykkel&limit=50&before=abc_-1');
    expect(key(2, { changes: [], next: null })).toBeNull();
  });
});
