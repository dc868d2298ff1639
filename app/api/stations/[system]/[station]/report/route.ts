import type { NextRequest } from 'next/server';
import { toReportResponse } from '@/lib/api/report-json';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { reportParamsSchema } from '@/lib/http/report-params';
import { json, jsonError } from '@/lib/http/responses';
import { getReportCards } from '@/lib/queries/report-cards';
import { getStation } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

/** One station's report card: the system report's shape with at most one station (none before its first full day of causes). */
export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const params = parseSearchParams(reportParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const station = await getStation(db, ids.data.system, ids.data.station);
  if (!station) return jsonError(404, `unknown station \`${ids.data.station}\` in system \`${ids.data.system}\``);
  const { days, sort } = params.data;
  const cards = await getReportCards(db, ids.data.system, days, sort, ids.data.station);
  if (!cards) return jsonError(404, `system \`${ids.data.system}\` has not reported a status yet`);
  return json(toReportResponse(ids.data.system, days, sort, cards), { request });
});
