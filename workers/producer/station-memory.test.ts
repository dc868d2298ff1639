import { describe, expect, it } from 'vitest';
import { StationMemory } from './station-memory';

describe('StationMemory', () => {
  it('forgets what was not seen for forgetAfterMs, and only that', () => {
    const memory = new StationMemory<string>(1_000, 10);
    memory.set('a', 'A', 0);
    memory.set('b', 'B', 0);
    memory.touch('b', 600);

    expect(memory.forget(1_000)).toBe(1);
    expect([memory.get('a'), memory.get('b')]).toEqual([undefined, 'B']);
  });

  it('holds at most maxStations, dropping the least recently seen, however many ids a feed invents', () => {
    const memory = new StationMemory<number>(1_000_000, 3);
    memory.set('old', 0, 0);
    memory.set('kept', 0, 1);
    for (let poll = 2; poll < 10_000; poll += 1) {
      memory.touch('kept', poll);
      memory.set(`invented-${poll}`, poll, poll);
      memory.forget(poll);
    }

    expect(memory.get('old')).toBeUndefined();
    expect(memory.get('kept')).toBe(0);
    expect(memory.get('invented-9999')).toBe(9999);
    expect(memory.get('invented-9000')).toBeUndefined();
  });
});
