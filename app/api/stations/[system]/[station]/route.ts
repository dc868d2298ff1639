import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { pathIdsSchema } from '@/lib/http/params';
import { json, jsonError } from '@/lib/http/responses';
import { loadStationResponse } from '@/lib/http/station-page';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (_request: Request, context: { params: Promise<{ system: string; station: string }> }) => {
  const ids = pathIdsSchema.safeParse(await context.params);
  if (!ids.success) return jsonError(400, 'bad system or station id');
  const response = await loadStationResponse(getDb(), ids.data.system, ids.data.station);
  if (!response) return jsonError(404, `unknown station \`${ids.data.station}\` in system \`${ids.data.system}\``);
  return json(response);
});
