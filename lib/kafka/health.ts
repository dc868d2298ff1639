import { createBus } from './client';

export interface KafkaHealth {
  ok: boolean;
  brokers: number;
  error?: string;
}

const CACHE_MS = 5_000;
let cached: { at: number; health: Promise<KafkaHealth> } | undefined;

async function probe(brokers: string[]): Promise<KafkaHealth> {
  const bus = await createBus({ brokers, clientId: 'bikestream-health', quiet: true, connectionTimeoutMs: 2_000, requestTimeoutMs: 3_000, retries: 0 });
  const admin = bus.admin();
  try {
    await admin.connect();
    return { ok: true, brokers: await admin.brokerCount() };
  } catch (error) {
    return { ok: false, brokers: 0, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Whether the brokers answer; cached briefly so a busy health endpoint does not hammer Kafka. */
export function checkKafka(brokers: string[], now = Date.now()): Promise<KafkaHealth> {
  if (!cached || now - cached.at > CACHE_MS) cached = { at: now, health: probe(brokers) };
  return cached.health;
}
