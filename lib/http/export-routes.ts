import type { NextRequest } from 'next/server';
import { getDb } from '../db/server-db';
import { stationHistoryExport, systemChangesExport } from '../queries/export-queries';
import { getStation } from '../queries/stations';
import { appApiRoute } from './app-api-route';
import { exportParamsSchema } from './export-params';
import { exportResponse, type ExportFormat } from './export-response';
import { parseSearchParams, pathIdsSchema, systemParamSchema } from './params';
import { systemOrError } from './resolve-system';
import { jsonError } from './responses';

/** GET /api/stations/SYSTEM/STATION/history.{csv,parquet}?from=&to= */
export function stationHistoryExportRoute(format: ExportFormat) {
  return appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string; station: string }> }) => {
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
    const exportQuery = stationHistoryExport(system.systemId, ids.data.station, from, to);
    return exportResponse(db, { title: 'station history', system, stationId: ids.data.station, from, to, exportQuery }, format);
  });
}

/** GET /api/systems/SYSTEM/changes.{csv,parquet}?from=&to= */
export function systemChangesExportRoute(format: ExportFormat) {
  return appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string }> }) => {
    const path = systemParamSchema.safeParse(await context.params);
    if (!path.success || path.data.system === undefined) return jsonError(400, 'bad system id');
    const range = parseSearchParams(exportParamsSchema, request.nextUrl.searchParams);
    if (!range.ok) return jsonError(400, range.error);
    const { from, to } = range.data;
    const db = getDb();
    const system = await systemOrError(db, path.data.system);
    if (system instanceof Response) return system;
    return exportResponse(db, { title: 'changes', system, from, to, exportQuery: systemChangesExport(system.systemId, from, to) }, format);
  });
}
