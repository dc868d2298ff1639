import { z } from 'zod';
import { CHANGE_CAUSES } from '../../stations/insights/causes/types';
import { count, isoTime } from './common';

export const changeJsonSchema = z
  .object({
    systemId: z.string(),
    stationId: z.string(),
    name: z.string().nullable(),
    reportedAt: isoTime,
    prevReportedAt: isoTime,
    bikes: count,
    prevBikes: count,
    docks: count.nullable(),
    prevDocks: count.nullable(),
    cause: z.enum(CHANGE_CAUSES).nullable().describe('riders, rebalancing or glitch; null until classified, seconds after the change is stored'),
  })
  ;

export const changesResponseSchema = z.object({
  changes: z.array(changeJsonSchema),
  next: z.string().nullable().describe('pass as `before` for the next (older) page; null on the last page'),
});
