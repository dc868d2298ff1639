CREATE TABLE "station_day_report" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"day" date NOT NULL,
	"observed_seconds" integer NOT NULL,
	"empty_seconds" integer NOT NULL,
	"full_seconds" integer NOT NULL,
	"longest_empty_seconds" integer NOT NULL,
	"daytime_seconds" integer NOT NULL,
	"usable_daytime_seconds" integer NOT NULL,
	"rentals" integer NOT NULL,
	"returns" integer NOT NULL,
	"truck_in" integer NOT NULL,
	"truck_out" integer NOT NULL,
	"glitches" integer NOT NULL,
	"silent_seconds" integer NOT NULL,
	CONSTRAINT "station_day_report_system_id_day_station_id_pk" PRIMARY KEY("system_id","day","station_id")
);
--> statement-breakpoint
ALTER TABLE "cause_progress" ADD COLUMN "reported_through" date;--> statement-breakpoint
ALTER TABLE "cause_progress" ADD COLUMN "today_reported_at" timestamp with time zone;
--> statement-breakpoint
GRANT SELECT ON station_day_report TO bikestream_web;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON station_day_report TO bikestream_consumer;
