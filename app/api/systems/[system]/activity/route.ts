import type { NextRequest } from 'next/server';
import type { ActivityResponse } from '@/lib/api/activity-types';
import { getDb } from '@/lib/db/server-db';
import { activityParamsSchema } from '@/lib/http/activity-params';
import { appApiRoute } from '@/lib/http/app-api-route';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { json, jsonError } from '@/lib/http/responses';
import { getActivity } from '@/lib/queries/activity';
import { fillBuckets, sumActivity } from '@/lib/stations/activity-buckets';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string }> }) => {
  const path = systemParamSchema.safeParse(await context.params);
  if (!path.success || path.data.system === undefined) return jsonError(400, 'bad system id');
  const params = parseSearchParams(activityParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const { from, to, bucket, bucketSeconds } = params.data;
  const db = getDb();
  const system = await systemOrError(db, path.data.system);
  if (system instanceof Response) return system;
  const stored = await getActivity(db, system.systemId, from, to, bucketSeconds);
  const buckets = fillBuckets(stored.buckets, from, to, bucketSeconds);
  return json({
    systemId: system.systemId,
    from: from.toISOString(),
    to: to.toISOString(),
    bucket,
    classifiedThrough: stored.classifiedThrough?.toISOString() ?? null,
    totals: sumActivity(buckets),
    buckets: buckets.map((b) => ({ ...b, start: b.start.toISOString() })),
  } satisfies ActivityResponse, { request });
});
