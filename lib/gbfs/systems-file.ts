import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One GBFS system to poll: its discovery URL and what to send and pick when polling it. */
export interface FeedSystem {
  url: string;
  clientId: string;
  language: string | undefined;
}

const entrySchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  clientId: z.string().trim().min(1).optional(),
  language: z.string().trim().min(1).optional(),
});

const fileSchema = z
  .array(entrySchema, { error: 'must be a JSON list of { "url", "clientId"?, "language"? }' })
  .min(1, 'lists no systems')
  .refine((entries) => new Set(entries.map((entry) => entry.url)).size === entries.length, 'lists the same url twice');

export type SystemsFileResult = { ok: true; entries: z.infer<typeof entrySchema>[] } | { ok: false; reason: string };

/** Reads and checks a SYSTEMS_FILE; the reason, when there is one, is a single line naming the file. */
export function readSystemsFile(file: string): SystemsFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: `cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `${file} is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = fileSchema.safeParse(json);
  if (result.success) return { ok: true, entries: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}` : '';
  return { ok: false, reason: `${file}${where}: ${issue?.message ?? 'invalid'}`.replace(/\s*\n\s*/g, ' ') };
}
