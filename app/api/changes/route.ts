import type { NextRequest } from 'next/server';
import { toChangesResponse } from '@/lib/api-json';
import { getDb } from '@/lib/db/client';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { changesParamsSchema, parseSearchParams } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { handleErrors, json, jsonError } from '@/lib/http/responses';
import { preparedResponse } from '@/lib/http/shared-responses';
import { listChanges } from '@/lib/queries/changes';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: NextRequest) => {
  const params = parseSearchParams(changesParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const { system: systemId, limit, before } = params.data;
  const query = async () => {
    const db = getDb();
    const system = await systemOrError(db, systemId);
    if (system instanceof Response) return system;
    const page = await listChanges(db, { systemId: system.systemId, limit, before });
    return toChangesResponse(page);
  };
  // Only the newest page is polled by every dashboard; older pages are read once, by one reader.
  if (before) {
    const page = await query();
    return page instanceof Response ? page : json(page, { request });
  }
  const prepared = await sharedApiResponses(JSON.stringify(['changes', systemId ?? null, limit]), query);
  return prepared instanceof Response ? prepared : preparedResponse(prepared, request);
});
