import type { NextRequest } from 'next/server';
import { toReportResponse } from '@/lib/api/report-json';
import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { reportParamsSchema } from '@/lib/http/report-params';
import { systemOrError } from '@/lib/http/resolve-system';
import { json, jsonError } from '@/lib/http/responses';
import { getReportCards } from '@/lib/queries/report-cards';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: NextRequest, context: { params: Promise<{ system: string }> }) => {
  const path = systemParamSchema.safeParse(await context.params);
  if (!path.success || path.data.system === undefined) return jsonError(400, 'bad system id');
  const params = parseSearchParams(reportParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const system = await systemOrError(db, path.data.system);
  if (system instanceof Response) return system;
  const { days, sort } = params.data;
  const cards = await getReportCards(db, system.systemId, days, sort);
  if (!cards) return jsonError(404, `system \`${system.systemId}\` has not reported a status yet`);
  return json(toReportResponse(system.systemId, days, sort, cards), { request });
});
