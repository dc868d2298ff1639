import type { Database } from '../db/client';
import { resolveSystem } from '../queries/systems';
import type { SystemSummary } from '../queries/systems';
import { jsonError } from './responses';

/** Finds the requested system, or the error response a client should get instead. */
export async function systemOrError(db: Database, systemId: string | undefined): Promise<SystemSummary | Response> {
  const lookup = await resolveSystem(db, systemId);
  if (lookup.kind === 'found') return lookup.system;
  if (lookup.kind === 'ambiguous') return jsonError(400, 'several systems are known: name one with ?system=', { systems: lookup.systemIds });
  return jsonError(404, systemId ? `unknown system \`${systemId}\`` : 'no system has reported yet');
}
