import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export type JsonConfigResult<T> = { ok: true; data: T } | { ok: false; reason: string };

/** Says where in the file a schema problem is (` at [0].url`, ` alert "x" (#1) field url`); '' for the whole file. */
export type DescribePath = (path: readonly PropertyKey[], json: unknown) => string;

/** An operator's JSON file checked by `schema`; a problem is one line naming the file and, by `where`, the place in it. */
export function parseJsonConfig<T>(file: string, text: string, schema: z.ZodType<T>, where: DescribePath): JsonConfigResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `${file} is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${file}${issue ? where(issue.path, json) : ''}: ${issue?.message ?? 'invalid'}`.replace(/\s*\n\s*/g, ' ') };
}

/** parseJsonConfig of the file's text; a file that cannot be read is one line too. */
export function readJsonConfig<T>(file: string, schema: z.ZodType<T>, where: DescribePath): JsonConfigResult<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: `cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})` };
  }
  return parseJsonConfig(file, text, schema, where);
}
