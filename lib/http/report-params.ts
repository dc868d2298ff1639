import { z } from 'zod';
import { REPORT_DAYS, REPORT_SORTS, type ReportDays } from '../stations/insights/report-card/report-sorts';

const DAYS = REPORT_DAYS.map(String);

/** `days` (1, 7 or 30; default 7) and `sort` (worst first; default empty-minutes). */
export const reportParamsSchema = z.object({
  days: z
    .string()
    .default('7')
    .refine((value) => DAYS.includes(value), { message: `must be one of ${DAYS.join(', ')}` })
    .transform((value) => Number(value) as ReportDays),
  sort: z.enum(REPORT_SORTS, { error: `must be one of ${REPORT_SORTS.join(', ')}` }).default('empty-minutes'),
});
