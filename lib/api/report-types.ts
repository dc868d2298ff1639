import type { z } from 'zod';
import type { reportResponseSchema, stationReportJsonSchema } from './schemas/insight';

/** One station's report card over the requested days. Minutes are whole minutes. */
export type StationReportJson = z.infer<typeof stationReportJsonSchema>;
/** GET /api/systems/{system}/report?days=1|7|30&sort=… */
export type ReportResponse = z.infer<typeof reportResponseSchema>;
