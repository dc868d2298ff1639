import type { CauseState } from '../../lib/queries/change-causes';

/**
 * While a backlog races in, rounds stay this far behind the newest stored report: the status topic's
 * partitions are read side by side and one may lag the others, and what a lagging one stores later
 * must still fall inside the late-change sweep (LATE_CHANGE_SWEEP_MS, 6 h) behind the progress mark.
 */
export const RACING_MARGIN_MS = 2 * 3_600_000;

/**
 * The feed time a round may classify up to: never past what is stored (the feed's clock can be far
 * ahead of it during a backlog), and well behind it while the backlog races in. Null: nothing yet.
 */
export function classifyHorizon(state: Pick<CauseState, 'at' | 'storedAt'>, racing: boolean): Date | null {
  if (state.at === null || state.storedAt === null) return null;
  const stored = state.storedAt.getTime();
  return new Date(racing ? stored - RACING_MARGIN_MS : Math.min(stored, state.at.getTime()));
}
