import { unexpectedErrorResponse } from './responses';

/**
 * An App Router API handler whose unexpected errors are answered as the API's plain JSON
 * (lib/http/pages-json-route.ts does the same for Pages Router routes). The rate limit is applied
 * before Next.js, in server/index.ts.
 */
export function appApiRoute<Req extends Request, Rest extends unknown[]>(handler: (request: Req, ...rest: Rest) => Promise<Response>) {
  return async (request: Req, ...rest: Rest): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return unexpectedErrorResponse(error);
    }
  };
}
