import { createLogger } from '../log';

const log = createLogger('api');

export function jsonError(status: number, error: string, details?: Record<string, unknown>): Response {
  return Response.json({ error, ...details }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function json(body: unknown, init: { maxAgeSeconds?: number; status?: number } = {}): Response {
  const cacheControl = init.maxAgeSeconds ? `public, max-age=${init.maxAgeSeconds}, stale-while-revalidate=${init.maxAgeSeconds}` : 'no-store';
  return Response.json(body, { status: init.status ?? 200, headers: { 'Cache-Control': cacheControl } });
}

/** Unexpected errors become a plain 500: logged here, never a stack trace to the client. */
export function handleErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error('request failed', { error: error instanceof Error ? error.message : String(error) });
      return jsonError(isDatabaseDown(error) ? 503 : 500, isDatabaseDown(error) ? 'database unavailable' : 'internal error');
    }
  };
}

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || /connect|terminat|timeout/i.test(message);
}
