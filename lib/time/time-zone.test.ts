import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, timeZoneOrUtc } from './time-zone';

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Oslo', 'Europe/Oslo'],
    ['America/Indiana/Knox', 'America/Indiana/Knox'],
    ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
    ['Etc/GMT+3', 'Etc/GMT+3'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['US/Pacific', 'America/Los_Angeles'],
  ])('knows %s as %s', (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });

  it.each([
    ['a planet', 'Mars/Olympus'],
    ['SQL', "'; DROP TABLE systems; --"],
    ['a NUL byte', 'Europe/Oslo\u0000'],
    ['a path', '../../etc/passwd'],
    ['an offset', '+01:00'],
    ['nothing', ''],
    ['5 KB', 'x'.repeat(5_000)],
    ['5 KB under an area', `Europe/${'a'.repeat(5_000)}`],
  ])(
    'refuses %s',
    (_, zone) => {
      expect(canonicalTimeZone(zone)).toBeNull();
      expect(timeZoneOrUtc(zone)).toBe('UTC');
    },
  );

  it('refuses what is not a string', () => {
    for (const zone of [undefined, null, 1, ['Europe/Oslo'], { zone: 'Europe/Oslo' }]) expect(timeZoneOrUtc(zone)).toBe('UTC');
  });

  it('stays bounded when asked about many distinct names', () => {
    for (let i = 0; i < 2_000; i += 1) expect(canonicalTimeZone(`Nowhere/Place_${i}`)).toBeNull();
    expect(canonicalTimeZone('Europe/Oslo')).toBe('Europe/Oslo');
  });
});
