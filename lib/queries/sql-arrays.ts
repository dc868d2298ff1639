import { sql } from 'drizzle-orm';
import { arrayLiteral, type ArrayElement } from './array-literal';

/** One bind parameter holding a whole column, for `unnest($1::text[], ...)`: any batch size, one statement. */
export const column = <T>(rows: readonly T[], pick: (row: T) => ArrayElement) => sql.param(arrayLiteral(rows, pick));

export const iso = (date: Date) => date.toISOString();

type ElementType = 'text' | 'int' | 'bool';

/**
 * `unnest($n::type[])`, for a select list: the per-row inserts unnest each column there, where
 * columns of equal length run in lockstep, rather than in FROM, which first copies every row into
 * a tuplestore: ≈ 15 % less PostgreSQL CPU a row (9,000-row inserts into a copy of station_status,
 * alternated, 2026-12-02).
 */
export const unnested = <T>(rows: readonly T[], pick: (row: T) => ArrayElement, type: ElementType) =>
  sql`unnest(${column(rows, pick)}::${sql.raw(type)}[])`;

/**
 * The same for times, sent as epoch milliseconds and read back with `to_timestamp(ms / 1000)`,
 * which is exact for millisecond times (all a Date holds). ISO text cost the consumer ≈ 2 µs a row
 * in toISOString and PostgreSQL ≈ 1–2 µs in timestamptz input (20 × 9,000-row inserts each way,
 * alternated, 2026-12-02).
 */
export const unnestedTimes = <T>(rows: readonly T[], pick: (row: T) => Date) =>
  sql`to_timestamp(unnest(${sql.param(arrayLiteral(rows, (row) => pick(row).getTime()))}::float8[]) / 1000)`;
