import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { handleErrors, json } from '@/lib/http/responses';
import { systemJson } from '@/lib/http/system-json';
import { checkKafka } from '@/lib/kafka/health';
import { checkDatabase } from '@/lib/queries/health';
import { listSystems } from '@/lib/queries/systems';

export const dynamic = 'force-dynamic';

export const GET = handleErrors(async () => {
  const db = getDb();
  const [database, kafka] = await Promise.all([checkDatabase(db), checkKafka(env().KAFKA_BROKERS)]);
  const systems = database.ok ? (await listSystems(db)).map((system) => systemJson(system)) : [];
  const feeds = systems.map(({ systemId, feedAgeSeconds, ttlSeconds, stale }) => ({ systemId, feedAgeSeconds, ttlSeconds, stale }));
  const healthy = database.ok && kafka.ok && feeds.length > 0 && feeds.every((feed) => !feed.stale);
  return json({ status: healthy ? 'ok' : 'degraded', database, kafka, feeds }, { status: healthy ? 200 : 503 });
});
