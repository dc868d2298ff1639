import type { NextRequest } from 'next/server';
import { toStationsResponse } from '@/lib/api-json';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { handleErrors, jsonError } from '@/lib/http/responses';
import { preparedResponse } from '@/lib/http/shared-responses';
import { listStationStatus } from '@/lib/queries/stations';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: NextRequest) => {
  const params = parseSearchParams(systemParamSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const prepared = await sharedApiResponses(JSON.stringify(['stations', params.data.system ?? null]), async () => {
    const db = getDb();
    const system = await systemOrError(db, params.data.system);
    if (system instanceof Response) return system;
    const stations = await listStationStatus(db, system.systemId);
    return toStationsResponse(system, stations, env().HEARTBEAT_SECONDS);
  });
  return prepared instanceof Response ? prepared : preparedResponse(prepared, request);
});
