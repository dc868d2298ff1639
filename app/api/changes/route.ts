import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { changesParamsSchema, parseSearchParams } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { handleErrors, jsonError } from '@/lib/http/responses';
import { preparedResponse } from '@/lib/http/shared-responses';
import { listChanges } from '@/lib/queries/changes';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: NextRequest) => {
  const params = parseSearchParams(changesParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const { system: systemId, limit, before } = params.data;
  const key = `changes:${systemId ?? ''}:${limit}:${before ? `${before.reportedAt.toISOString()}/${before.stationId}` : ''}`;
  const prepared = await sharedApiResponses(key, async () => {
    const db = getDb();
    const system = await systemOrError(db, systemId);
    if (system instanceof Response) return system;
    const page = await listChanges(db, { systemId: system.systemId, limit, before });
    return {
      changes: page.changes.map(({ ebikes: _e, prevEbikes: _p, ...change }) => change),
      next: page.next,
    };
  });
  return prepared instanceof Response ? prepared : preparedResponse(prepared, request);
});
