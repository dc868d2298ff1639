import type { z } from 'zod';
import type { activityResponseSchema } from './schemas/insight';

/** GET /api/systems/{system}/activity: bikes riders took and returned, and bikes trucks moved, per bucket. */
export type ActivityResponse = z.infer<typeof activityResponseSchema>;
export type ActivityBucketJson = ActivityResponse['buckets'][number];
