import { toStationsResponse } from '@/lib/api/api-json';
import { getDb } from '@/lib/db/web-db';
import { env } from '@/lib/runtime/env';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { pagesJsonRoute } from '@/lib/http/pages-json-route';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { jsonError } from '@/lib/http/responses';
import { listStationStatus } from '@/lib/queries/stations';

// A Pages Router route, like pages/api/changes.ts: the most polled and largest body (420 KB for
// 2,000 stations) is gzipped once per shared body, on the Node response, which an App Router
// handler cannot do (lib/http/node-responses.ts). Its siblings under /api/stations/[system] stay in app/.
export const config = { api: { bodyParser: false } };

export default pagesJsonRoute(async (searchParams) => {
  const params = parseSearchParams(systemParamSchema, searchParams);
  if (!params.ok) return jsonError(400, params.error);
  return sharedApiResponses(JSON.stringify(['stations', params.data.system ?? null]), async () => {
    const db = getDb();
    const system = await systemOrError(db, params.data.system);
    if (system instanceof Response) return system;
    const list = await listStationStatus(db, system.systemId);
    return toStationsResponse(system, list, env().HEARTBEAT_SECONDS);
  });
});
