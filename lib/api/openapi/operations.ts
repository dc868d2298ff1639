import type { z } from 'zod';
import { activityParamsSchema } from '../../http/activity-params';
import { exportParamsSchema } from '../../http/export-params';
import { changesParamsSchema, historyParamsSchema, systemParamSchema } from '../../http/params';
import { reportParamsSchema } from '../../http/report-params';
import { stationChangesParamsSchema } from '../../http/station-params';
import type { ComponentName } from './components';

export const EXPORT_MEDIA_TYPES = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet' } as const;
type ExportMediaType = (typeof EXPORT_MEDIA_TYPES)[keyof typeof EXPORT_MEDIA_TYPES] | 'text/event-stream';

export interface Operation {
  path: string;
  summary: string;
  description?: string;
  tag: 'live data' | 'stations' | 'insights' | 'operations';
  /** The query string, as the route parses it. */
  query?: z.ZodType;
  /** A JSON component, or a file or stream of this media type. */
  response: ComponentName | { mediaType: ExportMediaType };
  /** Answers besides 200 and the errors every route can give (400, 429, 500, 503). */
  notFound?: boolean;
  /** The response carries an ETag and answers If-None-Match with 304. */
  etag?: boolean;
}

/** Every public route, with the same zod schemas its handler parses its query string with. */
export const OPERATIONS: Operation[] = [
  { path: '/api/systems', summary: 'Every system with its feed health', tag: 'live data', response: 'SystemsResponse', etag: true },
  {
    path: '/api/stations',
    summary: "A system's stations and their latest status",
    description: 'Without `system`, the first system. The same body for every client within a second.',
    tag: 'live data',
    query: systemParamSchema,
    response: 'StationsResponse',
    notFound: true,
    etag: true,
  },
  {
    path: '/api/changes',
    summary: 'Every change at every station, newest first, paged',
    description: 'Computed from stored reports (the LAG of each station\'s series). `before` takes the `next` of a previous page.',
    tag: 'live data',
    query: changesParamsSchema,
    response: 'ChangesResponse',
    notFound: true,
    etag: true,
  },
  { path: '/api/stations/{system}/{station}', summary: "A station's latest status, today's empty and full minutes, and its revisions", tag: 'stations', response: 'StationResponse', notFound: true, etag: true },
  {
    path: '/api/stations/{system}/{station}/history',
    summary: "A station's stored reports between `from` and `to`",
    description: 'At most 31 days a request; the last 24 hours by default.',
    tag: 'stations',
    query: historyParamsSchema,
    response: 'StationHistoryResponse',
    notFound: true,
    etag: true,
  },
  { path: '/api/stations/{system}/{station}/changes', summary: "A station's latest changes", tag: 'stations', query: stationChangesParamsSchema, response: 'StationChangesResponse', notFound: true, etag: true },
  { path: '/api/stations/{system}/{station}/report', summary: "A station's report card over 1, 7 or 30 days", tag: 'insights', query: reportParamsSchema, response: 'ReportResponse', notFound: true, etag: true },
  {
    path: '/api/systems/{system}/activity',
    summary: 'Bikes riders took and brought back, and bikes trucks moved, per 15 minutes or hour',
    tag: 'insights',
    query: activityParamsSchema,
    response: 'ActivityResponse',
    notFound: true,
    etag: true,
  },
  { path: '/api/systems/{system}/report', summary: "Every station's report card, worst first", tag: 'insights', query: reportParamsSchema, response: 'ReportResponse', notFound: true, etag: true },
  ...(['csv', 'parquet'] as const).flatMap((format): Operation[] => [
    {
      path: `/api/stations/{system}/{station}/history.${format}`,
      summary: `A station's stored reports between \`from\` and \`to\` as a ${format === 'csv' ? 'CSV' : 'Parquet'} file`,
      description: 'Streamed, never cut: at most 366 days a request; times in UTC, the time zone and licence in the header (CSV `#` lines) or the file metadata (Parquet). At most a few exports at once a server (429 with Retry-After).',
      tag: 'stations',
      query: exportParamsSchema,
      response: { mediaType: EXPORT_MEDIA_TYPES[format] },
      notFound: true,
    },
    {
      path: `/api/systems/{system}/changes.${format}`,
      summary: `Every change of a system between \`from\` and \`to\` as a ${format === 'csv' ? 'CSV' : 'Parquet'} file`,
      description: 'Streamed, never cut, like the station history export.',
      tag: 'live data',
      query: exportParamsSchema,
      response: { mediaType: EXPORT_MEDIA_TYPES[format] },
      notFound: true,
    },
  ]),
  {
    path: '/api/stream',
    summary: 'Server-Sent Events: every change, changed station and feed update of a system as it is stored',
    description:
      'Events `change` (a Change, with its cause once decided), `station` (a Station), `system` (the system and its totals) and `reset` (refetch: the resume window was passed). Each event has an `id`; reconnect with `Last-Event-ID` to resume without gaps within 10 minutes or 1,000 events. `: ping` every 15 s. At most 8 streams a client address (429), and a cap a server (503): fall back to polling the JSON routes.',
    tag: 'live data',
    query: systemParamSchema,
    response: { mediaType: 'text/event-stream' },
    notFound: true,
  },
  { path: '/api/health', summary: 'Readiness: database, Kafka and every feed (503 when degraded)', tag: 'operations', response: 'HealthResponse' },
  { path: '/api/live', summary: 'Liveness: this process answers', tag: 'operations', response: 'LiveResponse' },
];
