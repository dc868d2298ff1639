import type { CauseState } from '../../lib/queries/change-causes';

/**
 * The feed time a round may classify up to: the feed's clock, but never past the newest stored
 * report. While a consumer catches up, the system's own small topic is read long before its
 * stations' reports; classifying empty windows up to the feed's clock would move the progress mark
 * past reports stored later, beyond the late-change sweep. Null: nothing stored yet.
 */
export function classifyHorizon(state: Pick<CauseState, 'at' | 'storedAt'>): Date | null {
  if (state.at === null || state.storedAt === null) return null;
  return new Date(Math.min(state.storedAt.getTime(), state.at.getTime()));
}
