import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { FEED_NAMES, type SchemaProblem } from '../feed-health/problem-schema';
import { SCHEMA_VERSIONS, schemaVersionFor } from '../feed-health/schema-version';
import { summariseSchemaErrors } from '../feed-health/summarise-problems';
import { boundedView } from './bounded-view';

export type CheckedFeed = (typeof FEED_NAMES)[number];

export interface SchemaChecker {
  /** Why the check is off (schemas missing or unreadable); null when it is on. */
  readonly off: string | null;
  check(feed: CheckedFeed, document: unknown, declaredVersion: string | null): SchemaProblem[];
}

/** The schemas vendored with the code (see schemas/README.md), found from this file, not the working directory. */
export const VENDORED_SCHEMA_DIR = path.join(import.meta.dirname, 'schemas');

export const isCheckedFeed = (feed: string): feed is CheckedFeed => (FEED_NAMES as readonly string[]).includes(feed);

interface Validators {
  /** Stops at the first error: cheap, and covers the whole document. */
  first: ValidateFunction;
  /** Collects every error: only ever given a bounded view of a document. */
  all: ValidateFunction;
}

function compileAll(dir: string): Map<string, Validators> {
  const validators = new Map<string, Validators>();
  for (const version of SCHEMA_VERSIONS) {
    // One Ajv per version and mode: both versions' schemas live in one process and must not share $ids.
    const first = new Ajv({ allErrors: false, strict: false });
    const all = new Ajv({ allErrors: true, strict: false });
    addFormats(first);
    addFormats(all);
    for (const feed of FEED_NAMES) {
      const schema: unknown = JSON.parse(readFileSync(path.join(dir, `v${version}`, `${feed}.json`), 'utf8'));
      if (!schema || typeof schema !== 'object') throw new Error(`v${version}/${feed}.json is not a schema`);
      validators.set(`${version}/${feed}`, { first: first.compile(schema), all: all.compile(schema) });
    }
  }
  return validators;
}

/**
 * Checks feed documents against the official GBFS JSON Schemas in `dir` (v2.3/ and v3.0/). All
 * schemas are compiled once, here; a missing or broken folder turns the check off, never the producer.
 */
export function createSchemaChecker(dir: string = VENDORED_SCHEMA_DIR): SchemaChecker {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) return { off: `no GBFS schemas at ${absolute}`, check: () => [] };
  let validators: Map<string, Validators>;
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
      if (!validate || validate.first(document)) return [];
      // Collecting every error of a hostile file could build millions of error objects: every error
      // is collected from a bounded view only (counts are then of its first ~20,000 values), and the
      // first error of the whole file stands in when the view itself is clean.
      const errors = validate.all(boundedView(document)) ? (validate.first.errors ?? []) : (validate.all.errors ?? []);
      const problems = summariseSchemaErrors(feed, document, errors, against);
      validate.all.errors = null;
      return problems;
    },
  };
}
