import { readFileSync } from 'node:fs';
import { Ajv2019, type ErrorObject } from 'ajv/dist/2019';

const SCHEMA_FILE = new URL('./compose-spec/compose-spec.json', import.meta.url);

/** Go durations, as Compose reads healthcheck and restart timings: 5s, 1m30s, 100ms. */
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
/** The short port syntax: [ip:][host[-range]:]container[-range][/protocol]. */
const PORTS = /^((\d{1,3}(\.\d{1,3}){3}|\[[\da-f:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i;

/** A validator for the Compose Specification's JSON Schema (vendored in compose-spec/, Apache-2.0). */
export function composeValidator(): (document: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // `expose` and `subnet_ip_address` are formats this repository's compose file does not use.
  const ajv = new Ajv2019({ strict: false, allErrors: true, formats: { duration: DURATION, ports: PORTS, expose: true, subnet_ip_address: true } });
  // The snapshot keeps draft-04 `id` annotations, which Ajv 8 refuses, and misspells the
  // draft 2019-09 meta-schema's URI.
  ajv.removeKeyword('id');
  const validate = ajv.compile({ ...schema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
  return (document) => (validate(document) ? [] : (validate.errors ?? []));
}
