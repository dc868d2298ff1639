import { at, usableDocks, type StationState } from './city-moves';
import type { StationLayout } from './city-layout';
import type { FeedGlitch, GlitchKind } from './labelled-state';
import { expectedEvents } from './labelled-settings';
import { poisson, type LabelledTick } from './labelled-tick';

const KINDS: readonly GlitchKind[] = ['zero-zero', 'spike', 'above-capacity'];
const MIN_SPIKE = 4;

function newGlitch(tick: LabelledTick, station: number): FeedGlitch | null {
  const kind = tick.random.pick(KINDS);
  if (kind === 'zero-zero') return { station, kind, ticksLeft: tick.random.int(1, 3), size: 0 };
  if (kind === 'above-capacity') return { station, kind, ticksLeft: 1, size: tick.random.int(1, 5) };
  const { bikes } = at(tick.states, station);
  const room = usableDocks(at(tick.layout, station)) - bikes;
  const wanted = tick.random.int(MIN_SPIKE, 10);
  const size = room >= bikes ? Math.min(wanted, room) : -Math.min(wanted, bikes);
  return Math.abs(size) >= MIN_SPIKE ? { station, kind, ticksLeft: 1, size } : null;
}

/** Glitches of the last report end or go on; new ones start (one per station at most); now and then the whole feed blips. */
export function glitchTheFeed(tick: LabelledTick): void {
  tick.glitches = tick.glitches.flatMap((glitch) => (glitch.ticksLeft > 1 ? [{ ...glitch, ticksLeft: glitch.ticksLeft - 1 }] : []));
  const glitched = new Set(tick.glitches.map((glitch) => glitch.station));
  const count = tick.states.length;
  for (let n = poisson(tick.random, expectedEvents(tick.settings.glitchesPerHour, count, tick.seconds)); n > 0; n--) {
    const station = tick.random.int(0, count - 1);
    const glitch = glitched.has(station) ? null : newGlitch(tick, station);
    if (glitch === null) continue;
    tick.glitches.push(glitch);
    glitched.add(station);
  }
  // A blip lasts one report: the tick after one never blips.
  tick.blip = !tick.blip && tick.random.chance((tick.settings.blipsPerHour * tick.seconds) / 3600);
}

export interface ShownCounts {
  bikes: number;
  ebikes: number;
  docks: number;
}

/** What a glitched report shows; null when it shows the station as it is. */
export function shownCounts(layout: StationLayout, state: StationState, glitch: FeedGlitch | undefined, blip: boolean): ShownCounts | null {
  const docks = usableDocks(layout) - state.bikes;
  if (glitch?.kind === 'zero-zero') return { bikes: 0, ebikes: 0, docks: 0 };
  if (glitch?.kind === 'above-capacity') return { bikes: layout.capacity + glitch.size, ebikes: state.ebikes, docks: 0 };
  if (glitch?.kind === 'spike') {
    const bikes = state.bikes + glitch.size;
    return { bikes, ebikes: Math.min(state.ebikes, bikes), docks: usableDocks(layout) - bikes };
  }
  return blip && state.bikes > 0 ? { bikes: 0, ebikes: 0, docks } : null;
}
