import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { csvExportResponse } from '@/lib/http/csv-export-response';
import { exportParamsSchema } from '@/lib/http/export-params';
import { parseSearchParams, pathIdsSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { jsonError } from '@/lib/http/responses';
import { stationHistoryExport } from '@/lib/queries/export-queries';
import { getStation } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const range = parseSearchParams(exportParamsSchema, request.nextUrl.searchParams);
  if (!range.ok) return jsonError(400, range.error);
  const { from, to } = range.data;
  const db = getDb();
  const system = await systemOrError(db, ids.data.system);
  if (system instanceof Response) return system;
  if (!(await getStation(db, system.systemId, ids.data.station))) {
    return jsonError(404, `unknown station \`${ids.data.station}\` in system \`${ids.data.system}\``);
  }
  return csvExportResponse(db, {
    title: 'station history',
    system,
    stationId: ids.data.station,
    from,
    to,
    exportQuery: stationHistoryExport(system.systemId, ids.data.station, from, to),
  });
});
