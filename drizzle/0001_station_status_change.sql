-- A change is a stored report whose bike or dock count differs from the same station's previous
-- stored report. This view is the definition; lib/queries/changes.ts reads the same rows through
-- an index-led query for the system-wide feed, and a test holds the two equal.
CREATE VIEW "station_status_change" AS
SELECT system_id, station_id, reported_at, prev_reported_at,
       bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks
FROM (
  SELECT system_id, station_id, reported_at, bikes, ebikes, docks,
         LAG(reported_at) OVER w AS prev_reported_at,
         LAG(bikes) OVER w AS prev_bikes,
         LAG(ebikes) OVER w AS prev_ebikes,
         LAG(docks) OVER w AS prev_docks
  FROM station_status
  WINDOW w AS (PARTITION BY system_id, station_id ORDER BY reported_at)
) AS with_previous
WHERE prev_reported_at IS NOT NULL
  AND (bikes IS DISTINCT FROM prev_bikes OR docks IS DISTINCT FROM prev_docks);
