import { z } from 'zod';
import { readJsonConfig } from '../runtime/json-config';

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
  const where = (path: readonly PropertyKey[]) => (path.length ? ` at ${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}` : '');
  const result = readJsonConfig(file, fileSchema, where);
  return result.ok ? { ok: true, entries: result.data } : result;
}
