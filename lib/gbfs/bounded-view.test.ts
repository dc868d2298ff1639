import { describe, expect, it } from 'vitest';
import { boundedView, MAX_VIEW_KEYS, MAX_VIEW_VALUES } from './bounded-view';

function countValues(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  return children.length + children.reduce<number>((sum, child) => sum + countValues(child), 0);
}

describe('boundedView', () => {
  it('copies a small document as it is', () => {
    const document = { version: '2.3', data: { stations: [{ station_id: 'a', types: [{ id: 'x' }] }] } };
    expect(boundedView(document)).toEqual(document);
  });

  it('cuts long arrays at the end, keeping indices, and caps the values copied', () => {
    const document = { data: { stations: Array.from({ length: 100_000 }, (_, index) => ({ id: index, list: [1, 2, 3] })) } };
    const view = boundedView(document) as typeof document;

    expect(view.data.stations[0]).toEqual({ id: 0, list: [1, 2, 3] });
    expect(countValues(view)).toBeLessThanOrEqual(MAX_VIEW_VALUES + 10);
    expect(view.data.stations.every((station, index) => station.id === index)).toBe(true);
  });

  it('caps the keys of one object and keeps a "__proto__" key as data', () => {
    const document = JSON.parse(`{"__proto__": {"polluted": true}, ${Array.from({ length: 1_000 }, (_, index) => `"k${index}": ${index}`).join(',')}}`) as object;
    const view = boundedView(document) as Record<string, unknown>;

    expect(Object.keys(view)).toHaveLength(MAX_VIEW_KEYS);
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(Object.hasOwn(view, '__proto__')).toBe(true);
  });

  it('keeps the scalar fields of objects past the budget, so no record looks as if it lacked them', () => {
    const document = { data: { stations: [Array.from({ length: MAX_VIEW_VALUES }, () => 0)], last: { id: 'z', list: [1] } }, ttl: 0 };
    const view = boundedView(document) as { data: { last: unknown }; ttl: number };

    expect(view.ttl).toBe(0);
    expect(view.data.last).toEqual({});
  });
});
