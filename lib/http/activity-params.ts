import { z } from 'zod';

const time = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const DAY_MS = 24 * 3_600_000;

export const ACTIVITY_BUCKETS = { '15m': 900, '1h': 3_600 } as const;

/** `from`/`to` (ISO 8601, at most 31 days apart; the last 24 hours by default) and `bucket` (15m or 1h). */
export const activityParamsSchema = z
  .object({
    from: time.optional(),
    to: time.optional(),
    bucket: z.enum(['15m', '1h'], { error: 'must be 15m or 1h' }).default('1h'),
  })
  .transform(({ from, to, bucket }, context) => {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - DAY_MS);
    if (start > end) context.addIssue({ code: 'custom', message: '`from` is after `to`' });
    if (end.getTime() - start.getTime() > 31 * DAY_MS) context.addIssue({ code: 'custom', message: 'at most 31 days at a time' });
    return { from: start, to: end, bucket, bucketSeconds: ACTIVITY_BUCKETS[bucket] };
  });
