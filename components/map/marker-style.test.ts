import type { PathOptions } from 'leaflet';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { LEVELS } from '@/lib/stations/availability-labels';
import { DEUTERANOPIA, deltaE2000, hexToLinear, linearToLab, PROTANOPIA, simulate } from '@/lib/colour/vision';
import { LEVEL_STYLES } from './marker-style';

/**
 * 15 ΔE00: a difference of 1–2 is just noticeable between large patches side by side, but the
 * markers are 8–28 px and seen apart on a busy map, where the noticeable difference grows several
 * times over (Stone, Szafir & Setlur 2014, "An engineering model for color difference as a function
 * of size"). Today's red/amber/green palette fell to 7.9 (no bikes vs bikes and docks) for a deuteranope.
 */
const MIN_DELTA_E = 15;

/** The colour a reader sees most of: the fill of a filled marker, the rim of a ring. */
const shownColour = (style: PathOptions) => ((style.fillOpacity ?? 0) >= 0.5 ? style.fillColor : style.color)!;

const pairs = LEVELS.flatMap((a, i) => LEVELS.slice(i + 1).map((b) => [a, b] as const));

describe('the map legend for colour-blind readers', () => {
  for (const [name, deficiency] of [['deuteranopia', DEUTERANOPIA], ['protanopia', PROTANOPIA]] as const) {
    it(`keeps every pair of levels at least ${MIN_DELTA_E} ΔE00 apart under ${name}`, () => {
      const seen = (level: (typeof LEVELS)[number]) => linearToLab(simulate(deficiency, hexToLinear(shownColour(LEVEL_STYLES[level]))));
      const tooClose = pairs
        .map(([a, b]) => ({ pair: `${en.levels[a]} / ${en.levels[b]}`, deltaE: Math.round(deltaE2000(seen(a), seen(b)) * 10) / 10 }))
        .filter(({ deltaE }) => deltaE < MIN_DELTA_E);
      expect(tooClose).toEqual([]);
    });
  }

  it('draws every level in its own shape, so colour is never the only cue', () => {
    const shape = (style: PathOptions) =>
      [(style.fillOpacity ?? 0) >= 0.5 ? 'filled' : 'ring', (style.weight ?? 1) >= 2 ? 'thick rim' : 'thin rim', style.dashArray ? `dashed ${String(style.dashArray)}` : 'solid'].join(', ');
    const shapes = new Map(LEVELS.map((level) => [shape(LEVEL_STYLES[level]), level]));
    expect(shapes.size).toBe(LEVELS.length);
  });
});
