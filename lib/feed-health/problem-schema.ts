import { z } from 'zod';

/** What the producer found wrong with a feed, as carried on the system message and kept in systems.feed_problems. */

export const FEED_NAMES = ['gbfs', 'system_information', 'station_information', 'station_status'] as const;

const text = (max: number) => z.string().max(max);

export const schemaProblemSchema = z.object({
  kind: z.literal('schema'),
  feed: text(40),
  /** JSON pointer with array indices collapsed to `*` (see json-pointer.ts). */
  pointer: text(300),
  message: text(300),
  count: z.number().int().min(1),
  exampleStationId: text(200).nullable(),
  /** The schema version it was checked against: the feed's own, or 2.3 for versions without a schema. */
  checkedAgainst: text(10),
});

export const schemaCheckOffSchema = z.object({
  kind: z.literal('schema-check-off'),
  message: text(300),
});

export const feedProblemSchema = z.discriminatedUnion('kind', [schemaProblemSchema, schemaCheckOffSchema]);

export const MAX_FEED_PROBLEMS = 40;

export const feedProblemsSchema = z.array(feedProblemSchema).max(MAX_FEED_PROBLEMS);

export type SchemaProblem = z.infer<typeof schemaProblemSchema>;
export type FeedProblem = z.infer<typeof feedProblemSchema>;
