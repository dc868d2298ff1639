import { z } from 'zod';
import { changeJsonSchema, changesResponseSchema } from '../schemas/change';
import { errorResponseSchema } from '../schemas/common';
import { healthResponseSchema, liveResponseSchema } from '../schemas/health';
import { activityResponseSchema, reportResponseSchema, stationReportJsonSchema } from '../schemas/insight';
import {
  stationChangesResponseSchema,
  stationDetailJsonSchema,
  stationHistoryResponseSchema,
  stationJsonSchema,
  stationResponseSchema,
  stationsResponseSchema,
} from '../schemas/station';
import { feedHealthJsonSchema, systemJsonSchema, systemsResponseSchema, systemWithHealthJsonSchema } from '../schemas/system';

/** Every named schema of the API: the routes' response schemas and the parts they share. */
export const COMPONENTS = {
  Error: errorResponseSchema,
  System: systemJsonSchema,
  FeedHealth: feedHealthJsonSchema,
  SystemWithHealth: systemWithHealthJsonSchema,
  Station: stationJsonSchema,
  StationDetail: stationDetailJsonSchema,
  Change: changeJsonSchema,
  StationReport: stationReportJsonSchema,
  SystemsResponse: systemsResponseSchema,
  StationsResponse: stationsResponseSchema,
  ChangesResponse: changesResponseSchema,
  StationResponse: stationResponseSchema,
  StationHistoryResponse: stationHistoryResponseSchema,
  StationChangesResponse: stationChangesResponseSchema,
  ActivityResponse: activityResponseSchema,
  ReportResponse: reportResponseSchema,
  HealthResponse: healthResponseSchema,
  LiveResponse: liveResponseSchema,
} satisfies Record<string, z.ZodType>;

export type ComponentName = keyof typeof COMPONENTS;

/** The components as JSON Schema 2020-12 (OpenAPI 3.1's dialect), shared parts as $refs between them. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  // Inside an OpenAPI document a component is addressed by its place; its own $id/$schema would re-base its $refs.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]));
}
