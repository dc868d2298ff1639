import type { ChangeCause, ChangeForCause } from '../../lib/stations/insights/causes/types';

/** The feed as it is: every change is riders. */
export const everyChangeRiders = (changes: readonly ChangeForCause[]): ChangeCause[] => changes.map(() => 'riders');

/** A naive rule: a jump of k bikes or more is a truck, the rest riders; no glitches. */
export const jumpIsTruck =
  (k: number) =>
  (changes: readonly ChangeForCause[]): ChangeCause[] =>
    changes.map((change) => (Math.abs(change.bikes - change.prevBikes) >= k ? 'rebalancing' : 'riders'));
