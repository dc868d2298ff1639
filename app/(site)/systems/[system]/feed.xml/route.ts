import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/server-db';
import { systemAvailabilityFeed } from '@/lib/feeds/availability-feed';
import { appApiRoute } from '@/lib/http/app-api-route';
import { atomResponse } from '@/lib/http/atom-response';
import { feedParamsSchema } from '@/lib/http/feed-params';
import { parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { jsonError } from '@/lib/http/responses';
import { listSystemAvailabilityEvents } from '@/lib/queries/availability-events';
import { getSystem } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

const systemIdSchema = pathIdsSchema.pick({ system: true });

/** Every station's empty, full and back-to-normal events of the system's last week, as Atom. */
export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string }> }) => {
  const ids = systemIdSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system id');
  const params = parseSearchParams(feedParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const system = await getSystem(db, ids.data.system);
  if (!system) return jsonError(404, `unknown system \`${ids.data.system}\``);
  const events = await listSystemAvailabilityEvents(db, system.systemId);
  return atomResponse(systemAvailabilityFeed(system, events, params.data.lang));
});
