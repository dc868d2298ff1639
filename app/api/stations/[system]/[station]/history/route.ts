import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { historyParamsSchema, parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { json, jsonError } from '@/lib/http/responses';
import { toStationHistoryResponse } from '@/lib/http/station-page';
import { getStationHistoryPage } from '@/lib/queries/history';
import { getStation } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const range = parseSearchParams(historyParamsSchema, request.nextUrl.searchParams);
  if (!range.ok) return jsonError(400, range.error);
  const db = getDb();
  const station = await getStation(db, ids.data.system, ids.data.station);
  if (!station) return jsonError(404, `unknown station \`${ids.data.station}\` in system \`${ids.data.system}\``);
  const { from, to, limit, before } = range.data;
  const page = await getStationHistoryPage(db, ids.data.system, ids.data.station, from, to, { limit, before });
  return json(toStationHistoryResponse({ systemId: ids.data.system, stationId: ids.data.station }, from, to, station.capacity, page));
});
