import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('change feed cursor', () => {
  it('round-trips the position of the last change shown', () => {
    const cursor = { reportedAt: new Date('2024-09-10T12:03:15.000Z'), stationId: '2351' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything it did not make', () => {
    for (const bad of ['', 'not a cursor', "' OR 1=1", Buffer.from('["yesterday","1"]').toString('base64url'), Buffer.from('{}').toString('base64url'), 'A'.repeat(700)]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});
