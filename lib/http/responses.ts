import { causeChain, errorCodes } from '../db/error-causes';
import { createLogger } from '../runtime/log';
import { prepareJson, preparedResponse } from './shared-responses';

const log = createLogger('api');

export function jsonError(status: number, error: string, details?: Record<string, unknown>): Response {
  return Response.json({ error, ...details }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function json(body: unknown, init: { status?: number; request?: Request } = {}): Response {
  return preparedResponse(prepareJson(body), init.request, init.status);
}

/** Unexpected errors become a plain 500 (503 while the database is down): logged here, never a stack trace to the client. */
export function unexpectedErrorResponse(error: unknown): Response {
  log.error('request failed', { error: error instanceof Error ? error.message : String(error) });
  return jsonError(isDatabaseDown(error) ? 503 : 500, isDatabaseDown(error) ? 'database unavailable' : 'internal error');
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300']);

function isDatabaseDown(error: unknown): boolean {
  if (errorCodes(error).some((code) => UNAVAILABLE_CODES.has(code))) return true;
  return causeChain(error).some((cause) => cause instanceof Error && /connection|connect ECONNREFUSED|terminat|timeout exceeded/i.test(cause.message));
}
