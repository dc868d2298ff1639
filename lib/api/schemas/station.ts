import { z } from 'zod';
import { changeJsonSchema } from './change';
import { count, isoTime } from './common';
import { systemJsonSchema } from './system';

export const stationJsonSchema = z
  .object({
    stationId: z.string(),
    name: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    capacity: count.nullable(),
    bikes: count,
    ebikes: count.nullable(),
    docks: count.nullable(),
    isInstalled: z.boolean(),
    isRenting: z.boolean(),
    isReturning: z.boolean(),
    reportedAt: isoTime,
    reporting: z.boolean().describe('false once the station has been silent for longer than a heartbeat allows'),
  })
  ;

export const stationsResponseSchema = z.object({ system: systemJsonSchema, stations: z.array(stationJsonSchema) });

export const stationDetailJsonSchema = stationJsonSchema.extend({ address: z.string().nullable() });

export const stationDayJsonSchema = z.object({ minutesEmpty: count, minutesFull: count, since: isoTime });

const textChange = z.object({ at: isoTime, from: z.string().nullable(), to: z.string().nullable() });
export const stationEventSchema = z.discriminatedUnion('kind', [
  textChange.extend({ kind: z.literal('renamed') }),
  z.object({ kind: z.literal('moved'), at: isoTime, meters: z.number() }),
  textChange.extend({ kind: z.literal('address') }),
  z.object({ kind: z.literal('capacity'), at: isoTime, from: z.number().nullable(), to: z.number().nullable() }),
]);

export const stationHistorySchema = z.object({
  since: isoTime.nullable().describe('when the first known version of the station was seen'),
  events: z.array(stationEventSchema).describe('renames, moves and capacity changes, newest first'),
});

export const stationResponseSchema = z.object({
  system: systemJsonSchema,
  station: stationDetailJsonSchema,
  today: stationDayJsonSchema,
  history: stationHistorySchema,
});

export const statusPointJsonSchema = z.object({
  reportedAt: isoTime,
  bikes: count,
  ebikes: count.nullable(),
  docks: count.nullable(),
  isInstalled: z.boolean(),
  isRenting: z.boolean(),
  isReturning: z.boolean(),
});

export const stationHistoryResponseSchema = z.object({
  systemId: z.string(),
  stationId: z.string(),
  from: isoTime,
  to: isoTime,
  capacity: count.nullable(),
  points: z.array(statusPointJsonSchema),
  truncated: z.boolean().describe('true when the range holds more reports than one page: `points` are the newest'),
  next: z.string().nullable().describe('pass as `before` (same `from`) for the older reports; null on the last page'),
});

export const stationChangesResponseSchema = z.object({ changes: z.array(changeJsonSchema) });
