import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { FEED_NAMES, type SchemaProblem } from '../feed-health/problem-schema';
import { SCHEMA_VERSIONS, schemaVersionFor } from '../feed-health/schema-version';
import { summariseSchemaErrors } from '../feed-health/summarise-problems';

export type CheckedFeed = (typeof FEED_NAMES)[number];

export interface SchemaChecker {
  /** Why the check is off (schemas missing or unreadable); null when it is on. */
  readonly off: string | null;
  check(feed: CheckedFeed, document: unknown, declaredVersion: string | null): SchemaProblem[];
}

export const isCheckedFeed = (feed: string): feed is CheckedFeed => (FEED_NAMES as readonly string[]).includes(feed);

function compileAll(dir: string): Map<string, ValidateFunction> {
  const validators = new Map<string, ValidateFunction>();
  for (const version of SCHEMA_VERSIONS) {
    // One Ajv per version: both versions' schemas live in one process and must not share $ids.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const feed of FEED_NAMES) {
      const schema: unknown = JSON.parse(readFileSync(path.join(dir, `v${version}`, `${feed}.json`), 'utf8'));
      if (!schema || typeof schema !== 'object') throw new Error(`v${version}/${feed}.json is not a schema`);
      validators.set(`${version}/${feed}`, ajv.compile(schema));
    }
  }
  return validators;
}

/**
 * Checks feed documents against the official GBFS JSON Schemas in `dir` (v2.3/ and v3.0/). All
 * schemas are compiled once, here; a missing or broken folder turns the check off, never the producer.
 */
export function createSchemaChecker(dir: string): SchemaChecker {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) return { off: `no GBFS schemas at ${absolute}`, check: () => [] };
  let validators: Map<string, ValidateFunction>;
  try {
    validators = compileAll(absolute);
  } catch (error) {
    return { off: `GBFS schemas at ${absolute} unusable: ${error instanceof Error ? error.message : String(error)}`, check: () => [] };
  }
  return {
    off: null,
    check(feed, document, declaredVersion) {
      const against = schemaVersionFor(declaredVersion);
      const validate = validators.get(`${against.version}/${feed}`);
      if (!validate || validate(document)) return [];
      return summariseSchemaErrors(feed, document, validate.errors ?? [], against);
    },
  };
}
