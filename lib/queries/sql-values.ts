/** drizzle's node-postgres driver hands raw `sql` results' timestamps over as text; this reads them. */
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toDateOrNull(value: string | Date | null): Date | null {
  return value === null ? null : toDate(value);
}
