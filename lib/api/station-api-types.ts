import type { z } from 'zod';
import type {
  stationChangesResponseSchema,
  stationDayJsonSchema,
  stationDetailJsonSchema,
  stationHistoryResponseSchema,
  stationResponseSchema,
  statusPointJsonSchema,
} from './schemas/station';

/** The station page's API responses (and the page's SWR fallback), typed by their zod schemas. Dates are ISO strings. */

export type StationDetailJson = z.infer<typeof stationDetailJsonSchema>;
export type StationDayJson = z.infer<typeof stationDayJsonSchema>;
/** Renames, moves and capacity changes from station_revision, newest first, in `history`. */
export type StationResponse = z.infer<typeof stationResponseSchema>;
export type StatusPointJson = z.infer<typeof statusPointJsonSchema>;
export type StationHistoryResponse = z.infer<typeof stationHistoryResponseSchema>;
export type StationChangesResponse = z.infer<typeof stationChangesResponseSchema>;
