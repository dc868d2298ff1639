import type { Database } from '../db/client';
import { createCopyTextToCsv } from '../export/copy-text-to-csv';
import { csvCommentLines, csvRow, exportFilename } from '../export/csv';
import type { ExportQuery } from '../queries/export-queries';
import { streamCopy } from '../queries/copy-stream';
import type { SystemSummary } from '../queries/systems';
import { EXPORT_RETRY_AFTER_SECONDS, takeExportSlot } from './export-slots';
import { jsonError } from './responses';

export interface CsvExportRequest {
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

/** The `# key: value` lines before the column names (README, "Exports"). */
export function exportHead(request: CsvExportRequest): string {
  const { title, system, stationId, from, to, exportQuery } = request;
  return (
    csvCommentLines([
      ['bikestream export', title],
      ['system', `${system.systemId} (${system.name})`],
      ...(stationId ? ([['station', stationId]] as const) : []),
      ['from', from.toISOString()],
      ['to', to.toISOString()],
      ['times', 'UTC, ISO 8601'],
      ['time zone', system.timezone],
      ['licence', licence(system)],
    ]) + csvRow(exportQuery.columns.map((column) => column.name))
  );
}

/**
 * A CSV download streamed from the database at the reader's pace, or 429 while the process runs
 * as many exports as it allows. The last line, `# rows: N`, is written only when every row was:
 * a file without it was cut off.
 */
export async function csvExportResponse(db: Database, request: CsvExportRequest): Promise<Response> {
  const release = takeExportSlot();
  if (!release) {
    const response = jsonError(429, 'too many exports running; try again shortly');
    response.headers.set('Retry-After', String(EXPORT_RETRY_AFTER_SECONDS));
    return response;
  }
  const convert = createCopyTextToCsv(request.exportQuery.columns.map((column) => column.kind));
  const body = await streamCopy(db, request.exportQuery.query, {
    head: exportHead(request),
    convert,
    tail: () => csvCommentLines([['rows', String(convert.rows)]]),
    onClose: release,
  });
  const filename = exportFilename([request.system.systemId, ...(request.stationId ? [request.stationId] : []), request.title.replaceAll(' ', '-')], 'csv');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
