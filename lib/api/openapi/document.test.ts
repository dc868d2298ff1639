import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const document = openApiDocument('0.0.0-test') as { paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>; components: { schemas: Record<string, object> } };

/** Every API route in the app, as its URL path: app/api/x/[y]/route.ts → /api/x/{y}; pages/api/x.ts → /api/x. */
function routePaths(): string[] {
  const appApi = path.join(ROOT, 'app', 'api');
  const app = readdirSync(appApi, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => `/api/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'));
  const pages = readdirSync(path.join(ROOT, 'pages', 'api')).filter((file) => file.endsWith('.ts')).map((file) => `/api/${file.replace(/\.ts$/, '')}`);
  // The event stream is served by server/ itself, in front of Next.js (server/stream-route.ts).
  return [...app, ...pages, '/api/stream'];
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const text = readFileSync(path.join(ROOT, 'node_modules', '@apidevtools', 'openapi-schemas', 'schemas', 'v3.1', 'schema.json'), 'utf8');
    // Ajv follows the spec schema's `$dynamicRef: #meta` to the wrong anchor and then refuses every Schema
    // Object's keywords; pointed at the plain schema definition instead. The next test checks the schemas themselves.
    const schema = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as object;
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('has components that are valid JSON Schema 2020-12, their $refs resolving inside the document', () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    // Only the components are schemas; strict mode then refuses any keyword JSON Schema does not know inside them.
    ajv.addVocabulary(['components']);
    ajv.addSchema({ components: document.components }, 'api.json');
    for (const name of Object.keys(document.components.schemas)) expect(() => ajv.getSchema(`api.json#/components/schemas/${name}`), name).not.toThrow();
  });

  it('describes every API route the app serves', () => {
    const described = new Set(Object.keys(document.paths));
    const missing = routePaths().filter((route) => route !== '/api/openapi.json' && !described.has(route));
    expect(missing).toEqual([]);
  });

  it('takes query parameters from the schemas the routes parse them with', () => {
    const names = (route: string) => document.paths[route]!.get.parameters.map((parameter) => `${parameter.in}:${parameter.name}`).sort();
    expect(names('/api/changes')).toEqual(['query:before', 'query:cause', 'query:limit', 'query:system']);
    expect(names('/api/stations/{system}/{station}/history')).toEqual(['path:station', 'path:system', 'query:before', 'query:from', 'query:limit', 'query:to']);
    expect(names('/api/systems/{system}/changes.csv')).toEqual(['path:system', 'query:from', 'query:to']);
    expect(names('/api/systems/{system}/activity')).toEqual(['path:system', 'query:bucket', 'query:from', 'query:to']);
  });
});
