import { decide, value, type ChangeIndex, type Decisions } from './change-index';
import type { StationMove } from './station-moves';
import { LARGE_DROP_OFF_BIKES, NIGHT_HOURS, NIGHT_MIN_BIKES } from './thresholds';

export const isNight = (index: ChangeIndex, i: number) => {
  const hour = value(index.localHour, i);
  return hour >= NIGHT_HOURS.from && hour < NIGHT_HOURS.to;
};

/**
 * Jumps no truck pair explains: a large arrival is still a drop-off (riders do not come back together), and at
 * night any jump is the operator's; a daytime departure is left to riders (an event ending, a busy platform).
 */
export function markUnpairedMoves(index: ChangeIndex, decisions: Decisions, unpaired: readonly StationMove[]): void {
  for (const move of unpaired) {
    const first = move.parts[0] ?? 0;
    if (move.bikes >= LARGE_DROP_OFF_BIKES) {
      for (const part of move.parts) decide(decisions, part, 'rebalancing', 'large-drop-off');
    } else if (isNight(index, first)) {
      for (const part of move.parts) decide(decisions, part, 'rebalancing', 'night-move');
    }
  }
}

/** Whatever is left: a jump of a few bikes at night is a truck, everything else riders. */
export function markRest(index: ChangeIndex, decisions: Decisions): void {
  for (let i = 0; i < index.count; i++) {
    if (decisions.cause[i] !== null) continue;
    if (isNight(index, i) && Math.abs(value(index.delta, i)) >= NIGHT_MIN_BIKES) decide(decisions, i, 'rebalancing', 'night-move');
    else decide(decisions, i, 'riders', 'riders');
  }
}
