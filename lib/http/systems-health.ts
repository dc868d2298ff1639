import { systemReportingCutoff, toSystemJson } from '../api/api-json';
import type { SystemWithHealthJson } from '../api/api-types';
import type { Database } from '../db/client';
import { env } from '../runtime/env';
import { schemaCheck } from '../feed-health/feed-health';
import { countStationsReporting } from '../queries/station-reporting-counts';
import type { SystemSummary } from '../queries/systems';

/** Every system with its feed health: what /api/systems and /api/health return and /systems shows. */
export async function withFeedHealth(db: Database, systems: SystemSummary[], now = Date.now()): Promise<SystemWithHealthJson[]> {
  const heartbeatSeconds = env().HEARTBEAT_SECONDS;
  const counts = await countStationsReporting(db, systems.map((system) => ({ systemId: system.systemId, cutoff: systemReportingCutoff(system, heartbeatSeconds) })));
  return systems.map((system) => {
    const check = schemaCheck(system.gbfsVersion, system.feedProblems);
    const stations = counts.get(system.systemId) ?? { reporting: 0, notReporting: 0 };
    return {
      ...toSystemJson(system, now),
      health: {
        gbfsVersion: system.gbfsVersion,
        schemaCheck: { checkedAgainst: check.checkedAgainst, exact: check.exact, label: check.label },
        problemCount: check.problemCount,
        problems: check.problems,
        stationsReporting: stations.reporting,
        stationsNotReporting: stations.notReporting,
      },
    };
  });
}
