import { z } from 'zod';
import { schemaProblemSchema } from '../../feed-health/problem-schema';
import { SCHEMA_VERSIONS } from '../../feed-health/schema-version';
import { count, isoTime } from './common';

export const systemJsonSchema = z
  .object({
    systemId: z.string(),
    name: z.string(),
    timezone: z.string().describe('IANA time zone of the system'),
    operator: z.string().nullable(),
    licenseUrl: z.string().nullable(),
    ttlSeconds: count,
    simulated: z.boolean(),
    statusUpdatedAt: isoTime.nullable().describe('the feed\'s latest station_status update'),
    polledAt: isoTime,
    stationCount: count,
    feedAgeSeconds: z.number().nullable(),
    stale: z.boolean(),
    gbfsVersion: z.string().nullable().describe('the GBFS version the feed declares; null for 1.x feeds, which declare none'),
  })
  ;

export const feedHealthJsonSchema = z
  .object({
    gbfsVersion: z.string().nullable(),
    schemaCheck: z.object({ checkedAgainst: z.enum(SCHEMA_VERSIONS).nullable(), exact: z.boolean(), label: z.string() }),
    problemCount: count,
    problems: z.array(schemaProblemSchema),
    stationsReporting: count,
    stationsNotReporting: count.describe('stations whose latest report is older than a heartbeat allows'),
  })
  ;

export const systemWithHealthJsonSchema = systemJsonSchema.extend({ health: feedHealthJsonSchema });

export const systemsResponseSchema = z.object({ systems: z.array(systemWithHealthJsonSchema) });
