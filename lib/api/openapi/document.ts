import { z } from 'zod';
import { pathIdsSchema } from '../../http/params';
import { componentSchemas } from './components';
import { OPERATIONS, type Operation } from './operations';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ 'application/json': { schema: ref(name) } });

function queryParameters(schema: z.ZodType | undefined): Json[] {
  if (!schema) return [];
  // The input side: what a caller writes in the query string, before defaults and transforms.
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** A path's `{system}` and `{station}`, as the routes parse them. */
function pathParameters(path: string, ids: Record<string, Json>): Json[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: ids[name!] }));
}

function responses(operation: Operation): Json {
  const error = (description: string) => ({ description, content: jsonContent('Error') });
  return {
    200:
      typeof operation.response === 'string'
        ? { description: operation.etag ? 'OK, with an ETag: send it back as If-None-Match for a 304 while the body is unchanged' : 'OK', content: jsonContent(operation.response) }
        : { description: 'the file, as a download', content: { [operation.response.mediaType]: { schema: { type: 'string', contentMediaType: operation.response.mediaType } } } },
    ...(operation.etag ? { 304: { description: 'the body is the one the client has (If-None-Match)' } } : {}),
    400: error('a parameter is missing, repeated or not valid; `error` says which'),
    ...(operation.notFound ? { 404: error('no such system or station') } : {}),
    429: error('too many requests from this address; wait Retry-After seconds'),
    500: error('the server failed; nothing about it is sent'),
    503: operation.response === 'HealthResponse' ? { description: 'degraded: a part of the pipeline is down or a feed is stale', content: jsonContent('HealthResponse') } : error('the database is unavailable'),
  };
}

/** The OpenAPI 3.1 description of every public route, made from the zod schemas the routes use. */
export function openApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  const ids = (z.toJSONSchema(pathIdsSchema, { target: 'draft-2020-12' }) as { properties: Record<string, Json> }).properties;
  for (const operation of OPERATIONS) {
    paths[operation.path] = {
      get: {
        operationId: operation.path.replace(/^\/api\//, '').replace(/[{}]/g, '').replace(/\//g, '_'),
        summary: operation.summary,
        ...(operation.description ? { description: operation.description } : {}),
        tags: [operation.tag],
        parameters: [...pathParameters(operation.path, ids), ...queryParameters(operation.query)],
        responses: responses(operation),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'bikestream',
      version,
      summary: 'Live bike-share status, every change at every station, and what caused it, for GBFS systems.',
      description:
        'Public and read-only: GET and HEAD only, CORS open to any origin, no authentication. Times are ISO 8601 in UTC; local days are in the system\'s time zone. Rate limited per client address (429 with Retry-After). Responses may be shared by caches for a second. The data is each system\'s, under its own licence (`licenseUrl` of the system).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'live data', description: 'what the feeds say now, and every change' },
      { name: 'stations', description: 'one station: status, history, changes' },
      { name: 'insights', description: 'causes of changes: riders, trucks, glitches' },
      { name: 'operations', description: 'health checks' },
    ],
    paths,
    components: { schemas: componentSchemas() },
  };
}
