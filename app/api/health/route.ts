import { getDb } from '@/lib/db/server-db';
import { env } from '@/lib/runtime/env';
import { appApiRoute } from '@/lib/http/app-api-route';
import { oncePerInterval } from '@/lib/http/once-per-interval';
import { json } from '@/lib/http/responses';
import { withFeedHealth } from '@/lib/http/systems-health';
import { checkKafka } from '@/lib/kafka/health';
import { checkDatabase } from '@/lib/queries/health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

// Exempt from the rate limits so monitors are never refused: instead every caller within a second
// shares one check, so a flood of health requests costs the database one check a second.
const checkHealth = oncePerInterval(1_000, async () => {
  const db = getDb();
  const [database, kafka] = await Promise.all([checkDatabase(db), checkKafka(env().KAFKA_BROKERS)]);
  const systems = database.ok ? await withFeedHealth(db, await listSystems(db)) : [];
  const feeds = systems.map(({ systemId, feedAgeSeconds, ttlSeconds, stale, health }) => ({ systemId, feedAgeSeconds, ttlSeconds, stale, ...health }));
  // Schema problems and quiet stations are reported, not alarms: the data still flows.
  const healthy = database.ok && kafka.ok && feeds.length > 0 && feeds.every((feed) => !feed.stale);
  return { healthy, body: { status: healthy ? 'ok' : 'degraded', checkedAt: new Date().toISOString(), database, kafka, feeds } };
});

export const GET = appApiRoute(async (_request: Request) => {
  const { healthy, body } = await checkHealth();
  return json(body, { status: healthy ? 200 : 503 });
});
