import { z } from 'zod';
import { causeChain, errorCodes } from '../../lib/db/error-causes';

/** Rows PostgreSQL must have refused in a partition before it counts as systemic, not a few bad rows. */
export const SYSTEMIC_MIN_REFUSED = 5;

/** SQLSTATE classes 22 (data) and 23 (constraint): retrying the same rows cannot help. */
export const isDataError = (error: unknown) => errorCodes(error).some((code) => /^2[23]/.test(code));

const databaseErrorSchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/),
  message: z.string(),
  constraint: z.string().optional(),
  table: z.string().optional(),
});

/** The SQLSTATE, constraint, table and message PostgreSQL gave, wherever Drizzle nested them. */
export function describeRefusal(error: unknown): string {
  for (const cause of causeChain(error)) {
    const parsed = databaseErrorSchema.safeParse(cause);
    if (!parsed.success) continue;
    const { code, message, constraint, table } = parsed.data;
    return `SQLSTATE ${code}${constraint ? ` (constraint "${constraint}"${table ? ` on ${table}` : ''})` : ''}: ${message.slice(0, 300)}`;
  }
  return error instanceof Error ? error.message.slice(0, 300) : String(error);
}

/** PostgreSQL refuses most rows: a rule the code does not know, which dead-lettering would only hide. */
export class SystemicRefusalError extends Error {
  override name = 'SystemicRefusalError';
}

interface Counts {
  refused: number;
  stored: number;
}

/**
 * Tells one bad row from a database that refuses everything. Per partition it counts the rows
 * PostgreSQL refused one by one and the rows stored around them; the count carries over to the
 * partition's next batch while refused rows outnumber stored ones, so a stream of small batches
 * is judged like one big one. Once SYSTEMIC_MIN_REFUSED rows are refused and they outnumber the
 * stored ones, `refused` throws instead of letting the rows be dead-lettered.
 */
export function createRefusalTally() {
  const carried = new Map<string, Counts>();

  /** A count for one attempt at one batch; `settle` keeps it once the batch is stored. */
  function begin(partitionKey: string) {
    const counts: Counts = { ...(carried.get(partitionKey) ?? { refused: 0, stored: 0 }) };
    return {
      stored(rows: number): void {
        counts.stored += rows;
      },
      refused(error: unknown): void {
        counts.refused += 1;
        if (counts.refused >= SYSTEMIC_MIN_REFUSED && counts.refused > counts.stored) {
          throw new SystemicRefusalError(
            `PostgreSQL refused ${counts.refused} rows of ${partitionKey} one by one and stored ${counts.stored} around them: ` +
              `${describeRefusal(error)}. Stopping without committing or dead-lettering them; fix the database (or teach the consumer the rule) and restart`,
            { cause: error },
          );
        }
      },
      settle(): void {
        if (counts.refused > counts.stored) carried.set(partitionKey, counts);
        else carried.delete(partitionKey);
      },
    };
  }

  return { begin };
}

export type BatchRefusals = ReturnType<ReturnType<typeof createRefusalTally>['begin']>;
