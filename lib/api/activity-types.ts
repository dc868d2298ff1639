import type { ActivityCounts } from '../stations/activity-buckets';

export interface ActivityBucketJson extends ActivityCounts {
  start: string;
}

/** GET /api/systems/{system}/activity: bikes riders took and returned, and bikes trucks moved, per bucket. */
export interface ActivityResponse {
  systemId: string;
  from: string;
  to: string;
  bucket: '15m' | '1h';
  /** Causes of changes up to here are final; counts after it may still be revised. Null before the first classification. */
  classifiedThrough: string | null;
  totals: ActivityCounts;
  buckets: ActivityBucketJson[];
}
