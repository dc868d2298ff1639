import type { NextApiRequest, NextApiResponse } from 'next';
import { sendPrepared, sendWebResponse } from './node-responses';
import { jsonError, unexpectedErrorResponse } from './responses';
import type { PreparedJson } from './shared-responses';

/**
 * A Pages Router API route answering GET and HEAD with `answer`'s JSON, written on the Node response
 * (gzipped once per shared body, lib/http/node-responses.ts); its errors are the API's plain JSON.
 */
export function pagesJsonRoute(answer: (params: URLSearchParams) => Promise<PreparedJson | Response>) {
  return async function route(request: NextApiRequest, response: NextApiResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendWebResponse(response, jsonError(405, 'method not allowed'));
    }
    try {
      const prepared = await answer(new URL(request.url ?? '/', 'http://localhost').searchParams);
      await (prepared instanceof Response ? sendWebResponse(response, prepared) : sendPrepared(request, response, prepared));
    } catch (error) {
      await sendWebResponse(response, unexpectedErrorResponse(error));
    }
  };
}
