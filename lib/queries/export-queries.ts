import { sql, type SQL } from 'drizzle-orm';
import type { ExportColumn } from '../export/export-columns';

/** One export's query and its columns in the select's order, named as the CSV header names them. */
export interface ExportQuery {
  query: SQL;
  columns: readonly ExportColumn[];
}

// UTC, ISO 8601 with milliseconds and a Z: printed by the server, so no row is parsed in Node to format it.
const utc = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * One station's reports from `from` to `to`, oldest first: the same rows as the history API paged
 * through, the report in force at `from` included. One index range scan along the primary key.
 */
export function stationHistoryExport(systemId: string, stationId: string, from: Date, to: Date): ExportQuery {
  const station = sql`system_id = ${systemId} AND station_id = ${stationId}`;
  return {
    query: sql`
      SELECT ${utc('reported_at')}, bikes, ebikes, docks, is_installed::text, is_renting::text, is_returning::text
      FROM station_status
      WHERE ${station}
        AND reported_at >= coalesce((SELECT max(reported_at) FROM station_status WHERE ${station} AND reported_at < ${iso(from)}), ${iso(from)})
        AND reported_at <= ${iso(to)}
      ORDER BY reported_at`,
    columns: [
      { name: 'reported_at', type: 'timestamp', nullable: false },
      { name: 'bikes', type: 'int', nullable: false },
      { name: 'ebikes', type: 'int', nullable: true },
      { name: 'docks', type: 'int', nullable: true },
      { name: 'is_installed', type: 'boolean', nullable: false },
      { name: 'is_renting', type: 'boolean', nullable: false },
      { name: 'is_returning', type: 'boolean', nullable: false },
    ],
  };
}

/** A system's changes from `from` to `to`, oldest first, along station_change's (system_id, reported_at, station_id) key. */
export function systemChangesExport(systemId: string, from: Date, to: Date): ExportQuery {
  return {
    query: sql`
      SELECT ${utc('c.reported_at')}, c.station_id, st.name, ${utc('c.prev_reported_at')},
             c.bikes, c.prev_bikes, c.ebikes, c.prev_ebikes, c.docks, c.prev_docks, k.cause
      FROM station_change c
      LEFT JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
      LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
      WHERE c.system_id = ${systemId} AND c.reported_at >= ${iso(from)} AND c.reported_at <= ${iso(to)}
      ORDER BY c.reported_at, c.station_id`,
    columns: [
      { name: 'reported_at', type: 'timestamp', nullable: false },
      { name: 'station_id', type: 'text', nullable: false },
      { name: 'station_name', type: 'text', nullable: true },
      { name: 'prev_reported_at', type: 'timestamp', nullable: false },
      { name: 'bikes', type: 'int', nullable: false },
      { name: 'prev_bikes', type: 'int', nullable: false },
      { name: 'ebikes', type: 'int', nullable: true },
      { name: 'prev_ebikes', type: 'int', nullable: true },
      { name: 'docks', type: 'int', nullable: true },
      { name: 'prev_docks', type: 'int', nullable: true },
      { name: 'cause', type: 'text', nullable: true },
    ],
  };
}
