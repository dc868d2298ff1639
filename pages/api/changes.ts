import { toChangesResponse } from '@/lib/api/api-json';
import { getDb } from '@/lib/db/web-db';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { pagesJsonRoute } from '@/lib/http/pages-json-route';
import { changesParamsSchema, parseSearchParams } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { jsonError } from '@/lib/http/responses';
import { prepareJson } from '@/lib/http/shared-responses';
import { listChanges } from '@/lib/queries/changes';

// A Pages Router route, like pages/api/stations.ts: polled by every dashboard, and at 200 requests a
// second an App Router handler took 4.1-4.9 ms of CPU a request against 2.6-2.8 here (BENCHMARKS.md).
export const config = { api: { bodyParser: false } };

export default pagesJsonRoute(async (searchParams) => {
  const params = parseSearchParams(changesParamsSchema, searchParams);
  if (!params.ok) return jsonError(400, params.error);
  const { system: systemId, limit, before, cause } = params.data;
  const query = async () => {
    const db = getDb();
    const system = await systemOrError(db, systemId);
    if (system instanceof Response) return system;
    return toChangesResponse(await listChanges(db, { systemId: system.systemId, limit, before, cause }));
  };
  // Only the newest page is polled by every dashboard; older pages are read once, by one reader.
  if (before) return query().then((page) => (page instanceof Response ? page : prepareJson(page)));
  return sharedApiResponses(JSON.stringify(['changes', systemId ?? null, limit, cause ?? null]), query);
});
