/**
 * A failure of the Kafka client (broker down, request refused), whichever client library: callers
 * retry these with backoff, while other errors are bugs that end the process.
 */
export class BusError extends Error {
  override name = 'BusError';
}

export function toBusError(error: unknown): BusError {
  if (error instanceof BusError) return error;
  return new BusError(error instanceof Error ? error.message : String(error), { cause: error });
}

/** Runs a client call, its failure rethrown as a BusError. */
export async function asBusCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toBusError(error);
  }
}
