CREATE TABLE "cause_progress" (
	"system_id" text PRIMARY KEY NOT NULL,
	"through" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_cause" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"settled" boolean NOT NULL,
	"rule" text NOT NULL,
	"classified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "change_cause_system_id_reported_at_station_id_pk" PRIMARY KEY("system_id","reported_at","station_id"),
	CONSTRAINT "change_cause_cause" CHECK ("change_cause"."cause" IN ('riders', 'rebalancing', 'glitch'))
);
--> statement-breakpoint
CREATE TABLE "system_activity" (
	"system_id" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"rentals" integer NOT NULL,
	"returns" integer NOT NULL,
	"rebalanced_in" integer NOT NULL,
	"rebalanced_out" integer NOT NULL,
	"glitches" integer NOT NULL,
	CONSTRAINT "system_activity_system_id_bucket_start_pk" PRIMARY KEY("system_id","bucket_start")
);
--> statement-breakpoint
CREATE INDEX "change_cause_by_cause" ON "change_cause" USING btree ("system_id","cause","reported_at","station_id");
--> statement-breakpoint
-- The classifier worker runs with the writers' role; the consumer clears the causes of changes it rebuilds.
GRANT SELECT ON change_cause, cause_progress, system_activity TO bikestream_web;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON change_cause, cause_progress, system_activity TO bikestream_consumer;
