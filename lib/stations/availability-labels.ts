import type { AvailabilityLevel } from './availability';

/** Levels from "go elsewhere" to "can't ride": the order of the legend and of the status sort. */
export const LEVELS: readonly AvailabilityLevel[] = ['empty', 'low', 'ok', 'full', 'closed'];
