-- Least privilege: the web app only reads; the consumer writes history and station state but
-- cannot drop or alter anything. Roles are cluster-wide, so creating them tolerates a concurrent
-- migration of another database having created them first.
DO $$
BEGIN
  CREATE ROLE bikestream_web LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE bikestream_consumer LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO bikestream_web, bikestream_consumer;
--> statement-breakpoint
GRANT SELECT ON systems, stations, station_status, station_status_change TO bikestream_web;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON systems, stations, station_status TO bikestream_consumer;
--> statement-breakpoint
GRANT SELECT ON station_status_change TO bikestream_consumer;
