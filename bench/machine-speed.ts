import type { KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { encode } from '../lib/kafka/messages';
import { decodeMessage } from '../workers/consumer/decode';
import { SERVER_URL } from './databases';

export interface MachineSpeed {
  /** The consumer's own per-message work (UTF-8, JSON, zod) on one thread, µs a message, best of 3. */
  decodeUsPerMessage: number;
  /** A fixed CPU-bound PostgreSQL query (no I/O, no JIT), ms, best of 3. */
  postgresProbeMs: number;
}

const MESSAGES = 50_000;

function sampleMessages(): KafkaMessage[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: MESSAGES }, (_, index) => {
    const value = encode({
      systemId: 'oslobysykkel',
      stationId: String(index % 270),
      reportedAt: new Date(start + index * 1000),
      bikes: index % 30,
      ebikes: index % 7,
      docks: 30 - (index % 30),
      isInstalled: true,
      isRenting: true,
      isReturning: true,
    });
    return { key: Buffer.from(`oslobysykkel/${index % 270}`), value: Buffer.from(value), timestamp: '0', attributes: 0, offset: String(index), headers: {} } as KafkaMessage;
  });
}

const timesOf = (runs: number, measure: () => number) => Array.from({ length: runs }, measure);

/**
 * The machine is shared and its speed varies from day to day; these two fixed workloads, taken with
 * every run, tell a slower machine from slower code when runs are compared.
 */
export async function measureMachineSpeed(): Promise<MachineSpeed> {
  const messages = sampleMessages();
  const decodeMs = timesOf(3, () => {
    const started = performance.now();
    for (const message of messages) if (!decodeMessage('stationStatus', message).ok) throw new Error('probe message refused');
    return performance.now() - started;
  });
  const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    await client.query('SET jit = off');
    const postgresMs: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      await client.query('SELECT sum(g * 7 % 13) FROM generate_series(1, 2000000) AS g');
      postgresMs.push(performance.now() - started);
    }
    return { decodeUsPerMessage: (Math.min(...decodeMs) * 1000) / MESSAGES, postgresProbeMs: Math.min(...postgresMs) };
  } finally {
    await client.end();
  }
}

export const describeMachineSpeed = (speed: MachineSpeed) =>
  `machine speed: decoding ${speed.decodeUsPerMessage.toFixed(2)} µs a message, PostgreSQL probe ${speed.postgresProbeMs.toFixed(0)} ms`;
