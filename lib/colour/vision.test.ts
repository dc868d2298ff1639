import { describe, expect, it } from 'vitest';
import { DEUTERANOPIA, deltaE2000, hexToLinear, linearToLab, simulate } from './vision';

describe('colour science used to check the map palette', () => {
  it('matches published CIEDE2000 values (Sharma, Wu & Dalal 2005, pairs 1 and 17)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('puts sRGB white at L* 100 and leaves greys grey under deuteranopia', () => {
    expect(linearToLab(hexToLinear('#ffffff'))[0]).toBeCloseTo(100, 3);
    const grey = linearToLab(simulate(DEUTERANOPIA, hexToLinear('#808080')));
    expect(Math.hypot(grey[1], grey[2])).toBeLessThan(1);
  });

  it('makes red and green look alike to a deuteranope', () => {
    const seen = (hex: string) => linearToLab(simulate(DEUTERANOPIA, hexToLinear(hex)));
    expect(deltaE2000(seen('#dc2626'), seen('#16a34a'))).toBeLessThan(deltaE2000(linearToLab(hexToLinear('#dc2626')), linearToLab(hexToLinear('#16a34a'))) / 4);
  });
});
