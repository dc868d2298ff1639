import { toChangesResponse, toStationsResponse } from '../api/api-json';
import type { SystemJson } from '../api/api-types';
import type { Database } from '../db/client';
import { liveFallback } from '../hooks/fallback';
import { CHANGES_PAGE_SIZE } from '../hooks/keys';
import { systemParamSchema } from './params';
import { listChanges } from '../queries/changes';
import { listStationStatus } from '../queries/stations';
import { env } from '../runtime/env';
import { withFeedHealth } from './systems-health';
import { listSystems, type SystemSummary } from '../queries/systems';

export type LivePageData =
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'found'; system: SystemJson; fallback: Record<string, unknown> };

function pickSystem(systems: SystemSummary[], requested: string | string[] | undefined): SystemSummary | undefined {
  if (requested === undefined) return systems[0];
  const param = systemParamSchema.safeParse({ system: requested });
  return param.success ? systems.find((system) => system.systemId === param.data.system) : undefined;
}

/**
 * What a live page (map, station list, embed) shows first: the system named by `?system=` (or the
 * first one), and the same JSON its SWR hooks will poll, so the first paint already has the data.
 */
export async function loadLivePage(db: Database, requested: string | string[] | undefined, options: { changes: boolean }): Promise<LivePageData> {
  const systems = await listSystems(db);
  if (systems.length === 0) return { kind: 'none' };
  const system = pickSystem(systems, requested);
  if (!system) return { kind: 'unknown' };
  const [systemsJson, stations, changes] = await Promise.all([
    withFeedHealth(db, systems),
    listStationStatus(db, system.systemId),
    options.changes ? listChanges(db, { systemId: system.systemId, limit: CHANGES_PAGE_SIZE }) : null,
  ]);
  const now = Date.now();
  const stationsJson = toStationsResponse(system, stations, env().HEARTBEAT_SECONDS, now);
  const fallback = liveFallback({
    systems: { systems: systemsJson },
    stations: stationsJson,
    changes: changes ? toChangesResponse(changes) : undefined,
  });
  return { kind: 'found', system: stationsJson.system, fallback };
}
