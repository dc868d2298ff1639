CREATE TABLE "station_change" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"prev_reported_at" timestamp with time zone NOT NULL,
	"bikes" integer NOT NULL,
	"prev_bikes" integer NOT NULL,
	"ebikes" integer,
	"prev_ebikes" integer,
	"docks" integer,
	"prev_docks" integer,
	CONSTRAINT "station_change_system_id_reported_at_station_id_pk" PRIMARY KEY("system_id","reported_at","station_id")
);
--> statement-breakpoint
CREATE TABLE "station_revision" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"name" text,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"capacity" integer,
	CONSTRAINT "station_revision_system_id_station_id_seen_at_pk" PRIMARY KEY("system_id","station_id","seen_at")
);
--> statement-breakpoint
DROP INDEX "station_status_system_time_idx";--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "gbfs_version" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "feed_problems" jsonb DEFAULT '[]'::jsonb NOT NULL;