import { z } from 'zod';

/** Times in the API are ISO 8601 strings in UTC (`Date.toISOString()`). */
export const isoTime = z.iso.datetime().describe('ISO 8601 time, UTC');
/** Local calendar days, YYYY-MM-DD, in the system's time zone. */
export const localDay = z.iso.date().describe('local calendar day in the system\'s time zone');
export const count = z.number().int().min(0);

export const errorResponseSchema = z.object({ error: z.string().describe('what was wrong, in one line') });
