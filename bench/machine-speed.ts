import { Client } from 'pg';
import { z } from 'zod';
import { SERVER_URL } from './databases';

export interface MachineSpeed {
  /** Work like the consumer's per message (UTF-8, JSON, a zod object), frozen here so code changes do not move it; µs a message, best of 3. */
  decodeUsPerMessage: number;
  /** A fixed CPU-bound PostgreSQL query (no I/O, no JIT), ms, best of 3. */
  postgresProbeMs: number;
}

const MESSAGES = 50_000;

// A copy of the status message schema as of 2026-12-01, kept as it is: the probe must not follow the code.
const count = z.number().int().min(0).max(10_000);
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => {
    for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 0x20) return false;
    return true;
  });
const frozenStatusSchema = z.object({
  systemId: id,
  stationId: id,
  reportedAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
  bikes: count,
  ebikes: count.nullable(),
  docks: count.nullable(),
  isInstalled: z.boolean(),
  isRenting: z.boolean(),
  isReturning: z.boolean(),
});

function sampleValues(): Buffer[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: MESSAGES }, (_, index) =>
    Buffer.from(
      JSON.stringify({
        systemId: 'oslobysykkel',
        stationId: String(index % 270),
        reportedAt: new Date(start + index * 1000),
        bikes: index % 30,
        ebikes: index % 7,
        docks: 30 - (index % 30),
        isInstalled: true,
        isRenting: true,
        isReturning: true,
      }),
    ),
  );
}

const timesOf = (runs: number, measure: () => number) => Array.from({ length: runs }, measure);

/**
 * The machine is shared and its speed varies from day to day; these two fixed workloads, taken with
 * every run, tell a slower machine from slower code when runs are compared.
 */
export async function measureMachineSpeed(): Promise<MachineSpeed> {
  const values = sampleValues();
  const decodeMs = timesOf(3, () => {
    const started = performance.now();
    for (const value of values) if (!frozenStatusSchema.safeParse(JSON.parse(value.toString('utf8'))).success) throw new Error('probe message refused');
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
