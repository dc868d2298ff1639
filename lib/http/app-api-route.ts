import { rateLimited } from './api-rate-limit';
import { unexpectedErrorResponse } from './responses';

/**
 * An App Router API handler under the API's per-client rate limit, its unexpected errors answered
 * as the API's plain JSON (lib/http/pages-json-route.ts does the same for Pages Router routes).
 */
export function appApiRoute<Req extends Request, Rest extends unknown[]>(handler: (request: Req, ...rest: Rest) => Promise<Response>) {
  return async (request: Req, ...rest: Rest): Promise<Response> => {
    const limited = rateLimited((name) => request.headers.get(name));
    if (limited) return limited;
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return unexpectedErrorResponse(error);
    }
  };
}
