import { z } from 'zod';

const time = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const DAY_MS = 24 * 3_600_000;

/** The longest range one export covers: a year, leap day included. */
export const EXPORT_MAX_DAYS = 366;

/** `from`/`to` of an export (ISO 8601 with an offset; the last 24 hours by default), `from` before `to`, at most EXPORT_MAX_DAYS apart. */
export const exportParamsSchema = z
  .object({ from: time.optional(), to: time.optional() })
  .transform(({ from, to }, context) => {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - DAY_MS);
    if (start >= end) context.addIssue({ code: 'custom', message: '`from` must be before `to`' });
    if (end.getTime() - start.getTime() > EXPORT_MAX_DAYS * DAY_MS) context.addIssue({ code: 'custom', message: `at most ${EXPORT_MAX_DAYS} days at a time` });
    return { from: start, to: end };
  });
