import { describe, expect, it } from 'vitest';
import { cityHour, commuteDirection } from './city-clock';

describe('cityHour', () => {
  it('reads the local time in Oslo, summer and winter', () => {
    expect(cityHour(Date.parse('2024-01-15T06:30:00Z') / 1000)).toBe(7.5);
    expect(cityHour(Date.parse('2024-07-15T06:30:00Z') / 1000)).toBe(8.5);
    expect(cityHour(Date.parse('2024-07-14T22:00:00Z') / 1000)).toBe(0);
  });

  it('sends commuters in during the morning and home in the afternoon', () => {
    expect([6.9, 7, 8.99, 9, 12, 16, 17.5, 18].map(commuteDirection)).toEqual([0, 1, 1, 0, 0, -1, -1, 0]);
  });
});
