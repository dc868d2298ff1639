import { z } from 'zod';
import { decodeCursor } from '../queries/cursor';
import { MAX_HISTORY_POINTS } from '../queries/history';
import { CHANGE_CAUSES } from '../stations/insights/causes/types';

const id = z.string().trim().min(1).max(200).regex(/^[\p{L}\p{N}_.:@~-]+$/u, 'unexpected characters');

/** The page sizes /api/changes accepts. */
export const CHANGES_LIMITS = ['20', '50', '100', '500', '1000'] as const;
const CHANGES_DEFAULT_LIMIT = 50;

export const systemParamSchema = z.object({ system: id.optional() });

export const changesParamsSchema = z.object({
  system: id.optional(),
  // A few page sizes only: each one is a key of the shared-response cache (lib/http/shared-responses.ts).
  limit: z
    .string()
    .default(String(CHANGES_DEFAULT_LIMIT))
    .refine((value) => (CHANGES_LIMITS as readonly string[]).includes(value), { message: `must be one of ${CHANGES_LIMITS.join(', ')}` })
    .transform(Number),
  before: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return null;
      const cursor = decodeCursor(value);
      if (!cursor) context.addIssue({ code: 'custom', message: 'not a cursor from this API' });
      return cursor;
    }),
  cause: z.enum(CHANGE_CAUSES, { error: `must be one of ${CHANGE_CAUSES.join(', ')}` }).optional(),
});

const time = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

export const historyParamsSchema = z
  .object({
    from: time.optional(),
    to: time.optional(),
    limit: z
      .string()
      .regex(/^[1-9][0-9]{0,4}$/, 'must be a whole number from 1')
      .transform(Number)
      .refine((value) => value <= MAX_HISTORY_POINTS, { message: `at most ${MAX_HISTORY_POINTS}` })
      .optional(),
    // The `next` of the page before: an ISO time.
    before: time.optional(),
  })
  .transform(({ from, to, limit, before }, context) => {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 24 * 3600 * 1000);
    if (start > end) context.addIssue({ code: 'custom', message: '`from` is after `to`' });
    if (end.getTime() - start.getTime() > 31 * 24 * 3600 * 1000) context.addIssue({ code: 'custom', message: 'at most 31 days at a time' });
    return { from: start, to: end, limit: limit ?? MAX_HISTORY_POINTS, before: before ?? null };
  });

export const pathIdsSchema = z.object({ system: id, station: id });

/** Reads URLSearchParams into a zod schema; repeated parameters are refused, not silently merged. */
export function parseSearchParams<T extends z.ZodType>(
  schema: T,
  params: URLSearchParams,
): { ok: true; data: z.output<T> } | { ok: false; error: string } {
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in record) return { ok: false, error: `parameter \`${key}\` given more than once` };
    record[key] = value;
  }
  const result = schema.safeParse(record);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'parameters'}: ${issue.message}` : 'bad parameters' };
}
