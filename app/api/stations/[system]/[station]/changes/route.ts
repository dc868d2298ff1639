import type { NextRequest } from 'next/server';
import { toChangeJson } from '@/lib/api/api-json';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { json, jsonError } from '@/lib/http/responses';
import { stationChangesParamsSchema } from '@/lib/http/station-params';
import { listStationChanges } from '@/lib/queries/changes';
import { getStation } from '@/lib/queries/stations';
import type { StationChangesResponse } from '@/lib/api/station-api-types';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const params = parseSearchParams(stationChangesParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const station = await getStation(db, ids.data.system, ids.data.station);
  if (!station) return jsonError(404, `unknown station \`${ids.data.station}\` in system \`${ids.data.system}\``);
  const changes = await listStationChanges(db, ids.data.system, ids.data.station, params.data.limit);
  return json({ changes: changes.map(toChangeJson) } satisfies StationChangesResponse);
});
