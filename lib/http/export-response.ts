import type { Database } from '../db/client';
import { createCopyTextToCsv } from '../export/copy-text-to-csv';
import { createCopyTextToParquet } from '../export/copy-text-to-parquet';
import { csvCommentLines, csvRow, exportFilename } from '../export/csv';
import type { ExportQuery } from '../queries/export-queries';
import { streamCopy, type CopyStreamOptions } from '../queries/copy-stream';
import type { SystemSummary } from '../queries/systems';
import { EXPORT_RETRY_AFTER_SECONDS, takeExportSlot } from './export-slots';
import { jsonError } from './responses';

export type ExportFormat = 'csv' | 'parquet';

export interface ExportRequest {
  /** What the file holds, e.g. "station history". */
  title: string;
  system: SystemSummary;
  stationId?: string;
  from: Date;
  to: Date;
  exportQuery: ExportQuery;
}

function licence(system: SystemSummary): string {
  return system.licenseUrl ?? `not stated by the feed; the data is its operator's (${system.operator ?? system.name})`;
}

/** What a file says about itself: `#` lines of a CSV, key-value metadata of a Parquet file (README, "Exports"). */
function exportDescription(request: ExportRequest, format: ExportFormat): [string, string][] {
  const { title, system, stationId, from, to } = request;
  return [
    ['bikestream export', title],
    ['system', `${system.systemId} (${system.name})`],
    ...(stationId ? ([['station', stationId]] as [string, string][]) : []),
    ['from', from.toISOString()],
    ['to', to.toISOString()],
    ['times', format === 'csv' ? 'UTC, ISO 8601' : 'UTC, TIMESTAMP_MILLIS'],
    ['time zone', system.timezone],
    ['licence', licence(system)],
  ];
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  parquet: 'application/vnd.apache.parquet',
};

function converter(request: ExportRequest, format: ExportFormat): Omit<CopyStreamOptions, 'onClose'> {
  const { columns } = request.exportQuery;
  if (format === 'parquet') {
    const convert = createCopyTextToParquet(columns, exportDescription(request, format));
    return { head: '', convert, tail: () => '' };
  }
  const convert = createCopyTextToCsv(columns);
  return {
    head: csvCommentLines(exportDescription(request, format)) + csvRow(columns.map((column) => column.name)),
    convert,
    tail: () => csvCommentLines([['rows', String(convert.rows)]]),
  };
}

/**
 * A download streamed from the database at the reader's pace, or 429 while the process runs as many
 * exports as it allows. A CSV's last line, `# rows: N`, and a Parquet file's footer are written
 * only when every row was: a file without them was cut off.
 */
export async function exportResponse(db: Database, request: ExportRequest, format: ExportFormat): Promise<Response> {
  const release = takeExportSlot();
  if (!release) {
    const response = jsonError(429, 'too many exports running; try again shortly');
    response.headers.set('Retry-After', String(EXPORT_RETRY_AFTER_SECONDS));
    return response;
  }
  const body = await streamCopy(db, request.exportQuery.query, { ...converter(request, format), onClose: release });
  const filename = exportFilename([request.system.systemId, ...(request.stationId ? [request.stationId] : []), request.title.replaceAll(' ', '-')], format);
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
