import { z } from 'zod';
import { REPORT_DAYS, REPORT_SORTS } from '../../stations/insights/report-card/report-sorts';
import { count, isoTime, localDay } from './common';

export const activityCountsSchema = z.object({
  rentals: count.describe('bikes riders took'),
  returns: count.describe('bikes riders brought back'),
  rebalancedIn: count.describe('bikes trucks brought'),
  rebalancedOut: count.describe('bikes trucks took away'),
  glitches: count.describe('bikes in changes that were feed glitches'),
});

export const activityResponseSchema = z.object({
  systemId: z.string(),
  from: isoTime,
  to: isoTime,
  bucket: z.enum(['15m', '1h']),
  classifiedThrough: isoTime.nullable().describe('causes up to here are final; counts after it may still be revised'),
  totals: activityCountsSchema,
  buckets: z.array(activityCountsSchema.extend({ start: isoTime })),
});

export const stationReportJsonSchema = z
  .object({
    stationId: z.string(),
    name: z.string().nullable(),
    days: count.describe('days with a card in the range: fewer for a station that is new'),
    emptyMinutes: count,
    fullMinutes: count,
    longestEmptyMinutes: count,
    usableDaytimeShare: z.number().min(0).max(1).nullable().describe('share of observed daytime (07-22 local) a rider could both take and leave a bike'),
    rentals: count,
    returns: count,
    truckIn: count,
    truckOut: count,
    glitches: count,
    silentMinutes: count.describe('daytime spent 3 h or more without a rider\'s change while the system was busy'),
  })
  ;

export const reportResponseSchema = z.object({
  systemId: z.string(),
  days: z.union(REPORT_DAYS.map((days) => z.literal(days))),
  sort: z.enum(REPORT_SORTS),
  from: localDay,
  to: localDay.describe('the day of the latest feed update, so its cards are partial'),
  stations: z.array(stationReportJsonSchema),
});
