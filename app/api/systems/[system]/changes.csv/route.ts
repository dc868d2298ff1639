import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { csvExportResponse } from '@/lib/http/csv-export-response';
import { exportParamsSchema } from '@/lib/http/export-params';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { jsonError } from '@/lib/http/responses';
import { systemChangesExport } from '@/lib/queries/export-queries';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string }> }) => {
  const path = systemParamSchema.safeParse(await context.params);
  if (!path.success || path.data.system === undefined) return jsonError(400, 'bad system id');
  const range = parseSearchParams(exportParamsSchema, request.nextUrl.searchParams);
  if (!range.ok) return jsonError(400, range.error);
  const { from, to } = range.data;
  const db = getDb();
  const system = await systemOrError(db, path.data.system);
  if (system instanceof Response) return system;
  return csvExportResponse(db, { title: 'changes', system, from, to, exportQuery: systemChangesExport(system.systemId, from, to) });
});
