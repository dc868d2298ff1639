-- Existing history gets its changes and its stations a first revision; then the roles get the new tables.
INSERT INTO station_change (system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks)
SELECT system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks
FROM station_status_change
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO station_revision (system_id, station_id, seen_at, name, address, lat, lon, capacity)
SELECT system_id, station_id, first_seen, name, address, lat, lon, capacity
FROM stations
WHERE name IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
GRANT SELECT ON station_change, station_revision TO bikestream_web;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON station_change TO bikestream_consumer;
--> statement-breakpoint
GRANT SELECT, INSERT ON station_revision TO bikestream_consumer;
