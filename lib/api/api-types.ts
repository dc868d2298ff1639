import type { z } from 'zod';
import type { SystemTotals } from '../stations/availability';
import type { changeJsonSchema, changesResponseSchema } from './schemas/change';
import type { errorResponseSchema } from './schemas/common';
import type { stationJsonSchema, stationsResponseSchema } from './schemas/station';
import type { feedHealthJsonSchema, systemJsonSchema, systemsResponseSchema, systemWithHealthJsonSchema } from './schemas/system';

/**
 * The JSON the public API returns (and the pages hand to SWR as fallback). Dates are ISO strings.
 * Each type is its zod schema's (lib/api/schemas), the same schemas /api/openapi.json is made from.
 */

export type SystemJson = z.infer<typeof systemJsonSchema>;
/** How well a system's feed is doing: conformance to its GBFS schema and stations that went quiet. */
export type FeedHealthJson = z.infer<typeof feedHealthJsonSchema>;
export type SystemWithHealthJson = z.infer<typeof systemWithHealthJsonSchema>;
export type StationJson = z.infer<typeof stationJsonSchema>;
export type ChangeJson = z.infer<typeof changeJsonSchema>;
export type SystemsResponse = z.infer<typeof systemsResponseSchema>;
export type StationsResponse = z.infer<typeof stationsResponseSchema>;
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** /api/stream's `system` event: the feed's freshness and the totals of its reporting stations. */
export interface StreamSystemJson {
  system: SystemJson;
  totals: SystemTotals;
}
