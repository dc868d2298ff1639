import { Client } from 'pg';
import { summarize, type Summary } from './stats';

/**
 * The article's "latest changes" query, as it was written there: LAG over the whole history, then a
 * self-join back to station_status. Here only to compare with lib/queries/changes.ts on the same data.
 */
export const ARTICLE_QUERY = `
  SELECT s.system_id, s.station_id, s.reported_at, s.bikes, c.prev_bikes, s.docks, c.prev_docks
  FROM (
    SELECT system_id, station_id, reported_at, bikes, docks,
           LAG(bikes) OVER (PARTITION BY system_id, station_id ORDER BY reported_at) AS prev_bikes,
           LAG(docks) OVER (PARTITION BY system_id, station_id ORDER BY reported_at) AS prev_docks
    FROM station_status
  ) c
  JOIN station_status s ON s.system_id = c.system_id AND s.station_id = c.station_id AND s.reported_at = c.reported_at
  WHERE c.system_id = $1 AND (c.bikes <> c.prev_bikes OR c.docks <> c.prev_docks)
  ORDER BY s.reported_at DESC
  LIMIT 100`;

/** Times the article's query `runs` times; null when one run passes `timeoutMs` (statement_timeout). */
export async function measureArticleQuery(databaseUrl: string, systemId: string, runs: number, timeoutMs: number): Promise<Summary | null> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bikestream-bench-article' });
  await client.connect();
  try {
    await client.query(`SET statement_timeout = ${Math.round(timeoutMs)}`);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      try {
        const result = await client.query(ARTICLE_QUERY, [systemId]);
        if (result.rowCount !== 100) throw new Error(`the article's query returned ${result.rowCount} rows, not 100`);
      } catch (error) {
        if ((error as { code?: string }).code === '57014') return null;
        throw error;
      }
      times.push(performance.now() - started);
    }
    return summarize(times);
  } finally {
    await client.end();
  }
}
