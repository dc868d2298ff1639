import { getDb } from '@/lib/db/server-db';
import { appApiRoute } from '@/lib/http/app-api-route';
import { json } from '@/lib/http/responses';
import { withFeedHealth } from '@/lib/http/systems-health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export const GET = appApiRoute(async (request: Request) => {
  const db = getDb();
  return json({ systems: await withFeedHealth(db, await listSystems(db)) }, { request });
});
