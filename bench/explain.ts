import { createDatabase, type Database } from '../lib/db/client';
import { listChanges } from '../lib/queries/changes';
import { getStationHistory } from '../lib/queries/history';
import { listStationStatus } from '../lib/queries/stations';
import { lastNightAt } from './queries';
import type { CitySpec } from './scales';

/** auto_explain, loaded per session and logged to the client, shows the plans of the very queries lib/queries sends. */
const AUTO_EXPLAIN = [
  'session_preload_libraries=auto_explain',
  'auto_explain.log_min_duration=0',
  'auto_explain.log_analyze=on',
  'auto_explain.log_buffers=on',
  'client_min_messages=log',
];

async function capturePlans(databaseUrl: string, queries: [string, (db: Database) => Promise<unknown>][]): Promise<string> {
  const options = AUTO_EXPLAIN.map((setting) => `-c ${setting}`).join(' ');
  const db = createDatabase(`${databaseUrl}?options=${encodeURIComponent(options)}`, { max: 1, applicationName: 'bikestream-bench-explain' });
  const plans: string[] = [];
  let label = '';
  db.$client.on('connect', (client) => {
    client.on('notice', (notice) => {
      if (notice.message?.includes('plan:')) plans.push(`-- ${label}\n${notice.message.replace(/Query Text:[\s\S]*?\n(?=\S+ {2}\(cost)/, '')}`);
    });
  });
  try {
    for (const [name, query] of queries) {
      label = name;
      await query(db);
    }
  } finally {
    await db.$client.end();
  }
  return plans.join('\n\n');
}

/** EXPLAIN (ANALYZE, BUFFERS) of the measured change and history queries. */
export function explainChangeQueries(databaseUrl: string, spec: CitySpec, end: Date): Promise<string> {
  const { systemId } = spec;
  return capturePlans(databaseUrl, [
    ['listChanges, latest 100', (db) => listChanges(db, { systemId, limit: 100 })],
    ['listChanges, 100 before 04:00 local', (db) => listChanges(db, { systemId, limit: 100, before: { reportedAt: lastNightAt(spec, end), stationId: '' } })],
    ['getStationHistory, 24 h', (db) => getStationHistory(db, systemId, '100', new Date(end.getTime() - 24 * 3600 * 1000), end)],
  ]);
}

export function explainStationsLatest(databaseUrl: string, spec: CitySpec): Promise<string> {
  return capturePlans(databaseUrl, [['listStationStatus', (db) => listStationStatus(db, spec.systemId)]]);
}
