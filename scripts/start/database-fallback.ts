/** Nothing listens at the address (TCP refused, no Unix socket there): the only case for the demo database. */
const NOTHING_LISTENS = new Set(['ECONNREFUSED', 'ENOENT']);

/**
 * True when no PostgreSQL is there at all. A server that answers and refuses (password, role, TLS),
 * a host name that does not resolve or a connection that hangs is a setting to fix, never a reason
 * to switch to the demo.
 */
export function nothingListens(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(nothingListens);
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return code !== undefined && NOTHING_LISTENS.has(code);
}
