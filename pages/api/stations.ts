import type { NextApiRequest, NextApiResponse } from 'next';
import { toStationsResponse } from '@/lib/api-json';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { sharedApiResponses } from '@/lib/http/api-responses';
import { sendPrepared, sendWebResponse } from '@/lib/http/node-responses';
import { parseSearchParams, systemParamSchema } from '@/lib/http/params';
import { systemOrError } from '@/lib/http/resolve-system';
import { jsonError, unexpectedErrorResponse } from '@/lib/http/responses';
import { listStationStatus } from '@/lib/queries/stations';

// The one Pages Router route: the most polled and largest body (420 KB for 2,000 stations) is
// gzipped once per shared body here, on the Node response, which an App Router handler cannot do
// (lib/http/node-responses.ts). Its siblings under /api/stations/[system] stay in app/.
export const config = { api: { bodyParser: false } };

export default async function stations(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendWebResponse(response, jsonError(405, 'method not allowed'));
  }
  try {
    const params = parseSearchParams(systemParamSchema, new URL(request.url ?? '/', 'http://localhost').searchParams);
    if (!params.ok) return await sendWebResponse(response, jsonError(400, params.error));
    const prepared = await sharedApiResponses(JSON.stringify(['stations', params.data.system ?? null]), async () => {
      const db = getDb();
      const system = await systemOrError(db, params.data.system);
      if (system instanceof Response) return system;
      const list = await listStationStatus(db, system.systemId);
      return toStationsResponse(system, list, env().HEARTBEAT_SECONDS);
    });
    await (prepared instanceof Response ? sendWebResponse(response, prepared) : sendPrepared(request, response, prepared));
  } catch (error) {
    await sendWebResponse(response, unexpectedErrorResponse(error));
  }
}
