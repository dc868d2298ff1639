import { z } from 'zod';
import { isoTime } from './common';

const check = z.looseObject({ ok: z.boolean(), error: z.string().optional() });

/** GET /api/health: readiness, the pipeline's state and each feed's freshness and health. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checkedAt: isoTime,
  database: check,
  kafka: check,
  feeds: z.array(z.looseObject({ systemId: z.string(), feedAgeSeconds: z.number().nullable(), ttlSeconds: z.number(), stale: z.boolean() })),
});

/** GET /api/live: this process serves requests. */
export const liveResponseSchema = z.object({ status: z.literal('live') });
