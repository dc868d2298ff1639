import { indexChanges, value, type ChangeIndex, type Decisions } from './change-index';
import { markImpossibleCounts, markSpikes, markSystemBlips } from './glitches';
import { markRest, markUnpairedMoves } from './rebalancing';
import { findMoves } from './station-moves';
import { CAUSE_SETTLE_MS, SPLIT_PART_MIN_BIKES } from './thresholds';
import { pairTrucks } from './truck-matching';
import type { CauseInput, CauseVerdict } from './types';

export { CAUSE_LOOKBACK_MS, CAUSE_SETTLE_MS } from './thresholds';

/**
 * A single bike's change is settled once a later feed update is in (its revert, if any, would be there);
 * a larger one can still pair with a truck's other end until the settle horizon.
 */
function isSettled(index: ChangeIndex, decisions: Decisions, i: number): boolean {
  const time = value(index.time, i);
  if (decisions.final[i] === true || index.at - time >= CAUSE_SETTLE_MS) return true;
  return Math.abs(value(index.delta, i)) < SPLIT_PART_MIN_BIKES && index.at > time;
}

/** The cause of each change, in input order: glitches first, then truck pairs, then riders. Pure and deterministic. */
export function classifyChanges(input: CauseInput): CauseVerdict[] {
  const index = indexChanges(input);
  const decisions: Decisions = {
    cause: new Array<Decisions['cause'][number]>(index.count).fill(null),
    rule: new Array<string>(index.count).fill(''),
    final: new Array<boolean>(index.count).fill(false),
  };
  markImpossibleCounts(index, decisions);
  markSystemBlips(index, decisions);
  markSpikes(index, decisions);
  const unpaired = pairTrucks(index, decisions, findMoves(index, decisions));
  markUnpairedMoves(index, decisions, unpaired);
  markRest(index, decisions);
  return decisions.cause.map((cause, i) => ({
    cause: cause ?? 'riders',
    settled: isSettled(index, decisions, i),
    rule: decisions.rule[i] ?? 'riders',
  }));
}
