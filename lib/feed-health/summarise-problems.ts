import { replaceControlCharacters } from '../text/control-characters';
import { collapsePointer, stationIdAt } from './json-pointer';
import type { SchemaProblem } from './problem-schema';
import type { SchemaVersion } from './schema-version';

/** The parts of a JSON Schema validator's error this needs (Ajv's ErrorObject has them). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export const MAX_PROBLEMS_PER_FEED = 10;
const MAX_TEXT = 300;

// Pointers and messages quote the feed's own keys: control characters (NUL, which PostgreSQL jsonb
// refuses) are replaced and lengths capped, so a hostile feed cannot make the system message unstorable.
const clean = (text: string) => replaceControlCharacters(text).slice(0, MAX_TEXT);

function describe(error: SchemaError): string {
  const { keyword, params } = error;
  let text = error.message ?? keyword;
  if (keyword === 'const') text = `must be ${JSON.stringify(params.allowedValue)}`;
  else if (keyword === 'enum' && Array.isArray(params.allowedValues)) text = `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  else if (keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') text = `has unexpected property '${params.additionalProperty}'`;
  return clean(text);
}

function exampleAt(document: unknown, pointer: string): string | null {
  const id = stationIdAt(document, pointer);
  return id === null ? null : clean(id);
}

/** A feed of an older version checked against 2.3 is not at fault for not saying "2.3". */
function isVersionMismatch(error: SchemaError): boolean {
  return (error.instancePath === '/version' && error.keyword === 'const') || (error.keyword === 'required' && error.params.missingProperty === 'version');
}

/**
 * Validator errors of one feed document, grouped by collapsed pointer and message and counted,
 * biggest first; past MAX_PROBLEMS_PER_FEED kinds the rest are folded into one "more" entry.
 */
export function summariseSchemaErrors(
  feed: string,
  document: unknown,
  errors: readonly SchemaError[],
  checkedAgainst: { version: SchemaVersion; exact: boolean },
): SchemaProblem[] {
  const groups = new Map<string, SchemaProblem>();
  for (const error of errors) {
    if (!checkedAgainst.exact && isVersionMismatch(error)) continue;
    const pointer = clean(collapsePointer(error.instancePath));
    const message = describe(error);
    const key = `${pointer}\u0000${message}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.exampleStationId ??= exampleAt(document, error.instancePath);
    } else {
      groups.set(key, { kind: 'schema', feed, pointer, message, count: 1, exampleStationId: exampleAt(document, error.instancePath), checkedAgainst: checkedAgainst.version });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.pointer.localeCompare(b.pointer) || a.message.localeCompare(b.message));
  if (sorted.length <= MAX_PROBLEMS_PER_FEED) return sorted;
  const kept = sorted.slice(0, MAX_PROBLEMS_PER_FEED - 1);
  const rest = sorted.slice(MAX_PROBLEMS_PER_FEED - 1);
  kept.push({
    kind: 'schema',
    feed,
    pointer: '',
    message: `${rest.length} more kinds of problem`,
    count: rest.reduce((sum, problem) => sum + problem.count, 0),
    exampleStationId: rest.find((problem) => problem.exampleStationId !== null)?.exampleStationId ?? null,
    checkedAgainst: checkedAgainst.version,
  });
  return kept;
}
