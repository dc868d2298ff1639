import { getDb } from '@/lib/db/client';
import { handleErrors, json } from '@/lib/http/responses';
import { systemJson } from '@/lib/http/system-json';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async (request: Request) => {
  const systems = await listSystems(getDb());
  return json({ systems: systems.map((system) => systemJson(system)) }, { request });
});
