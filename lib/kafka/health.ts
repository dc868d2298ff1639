import { logLevel } from 'kafkajs';
import { createKafka } from './client';

export interface KafkaHealth {
  ok: boolean;
  brokers: number;
  error?: string;
}

const CACHE_MS = 5_000;
let cached: { at: number; health: Promise<KafkaHealth> } | undefined;

async function probe(brokers: string[]): Promise<KafkaHealth> {
  const kafka = createKafka(brokers, 'bikestream-health', {
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { ok: true, brokers: cluster.brokers.length };
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
