import { getDb } from '@/lib/db/client';
import { handleErrors, json } from '@/lib/http/responses';
import { withFeedHealth } from '@/lib/http/systems-health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: Request) => {
  const db = getDb();
  return json({ systems: await withFeedHealth(db, await listSystems(db)) }, { request });
});
