import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/server-db';
import { stationAvailabilityFeed } from '@/lib/feeds/availability-feed';
import { appApiRoute } from '@/lib/http/app-api-route';
import { atomResponse } from '@/lib/http/atom-response';
import { feedParamsSchema } from '@/lib/http/feed-params';
import { parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { jsonError } from '@/lib/http/responses';
import { listStationAvailabilityEvents } from '@/lib/queries/availability-events';
import { getStation } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

/** The station's empty, full and back-to-normal events of its last week, as Atom. */
export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const params = parseSearchParams(feedParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const { system, station: stationId } = ids.data;
  const station = await getStation(db, system, stationId);
  if (!station) return jsonError(404, `unknown station \`${stationId}\` in system \`${system}\``);
  const events = await listStationAvailabilityEvents(db, system, stationId);
  return atomResponse(stationAvailabilityFeed({ ...station, systemId: system }, events, params.data.lang));
});
