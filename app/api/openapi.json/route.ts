import packageJson from '@/package.json';
import { openApiDocument } from '@/lib/api/openapi/document';
import { appApiRoute } from '@/lib/http/app-api-route';
import { json } from '@/lib/http/responses';

export const dynamic = 'force-dynamic';

let document: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 description of the public API, made once per process from the routes' zod schemas. */
export const GET = appApiRoute(async (request: Request) => json((document ??= openApiDocument(packageJson.version)), { request }));
