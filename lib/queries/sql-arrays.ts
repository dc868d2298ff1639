import { sql } from 'drizzle-orm';
import { arrayLiteral, type ArrayElement } from './array-literal';

/** One bind parameter holding a whole column, for `unnest($1::text[], ...)`: any batch size, one statement. */
export const column = <T>(rows: readonly T[], pick: (row: T) => ArrayElement) => sql.param(arrayLiteral(rows, pick));

export const iso = (date: Date) => date.toISOString();

