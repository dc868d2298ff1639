import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db/client';
import { changesParamsSchema, parseSearchParams } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { handleErrors, json, jsonError } from '@/lib/http/responses';
import { listChanges } from '@/lib/queries/changes';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: NextRequest) => {
  const params = parseSearchParams(changesParamsSchema, request.nextUrl.searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const db = getDb();
  const system = await systemOrError(db, params.data.system);
  if (system instanceof Response) return system;
  const page = await listChanges(db, { systemId: system.systemId, limit: params.data.limit, before: params.data.before });
  return json({
    changes: page.changes.map(({ ebikes: _e, prevEbikes: _p, ...change }) => change),
    next: page.next,
  }, { request });
});
