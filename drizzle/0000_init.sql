CREATE TABLE "station_status" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"bikes" integer NOT NULL,
	"ebikes" integer,
	"docks" integer,
	"is_installed" boolean NOT NULL,
	"is_renting" boolean NOT NULL,
	"is_returning" boolean NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_status_system_id_station_id_reported_at_pk" PRIMARY KEY("system_id","station_id","reported_at")
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"name" text,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"capacity" integer,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone,
	"bikes" integer,
	"ebikes" integer,
	"docks" integer,
	"is_installed" boolean,
	"is_renting" boolean,
	"is_returning" boolean,
	CONSTRAINT "stations_system_id_station_id_pk" PRIMARY KEY("system_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"system_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"language" text,
	"operator" text,
	"license_url" text,
	"feed_url" text NOT NULL,
	"ttl_seconds" integer NOT NULL,
	"simulated" boolean DEFAULT false NOT NULL,
	"status_updated_at" timestamp with time zone,
	"polled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "station_status_system_time_idx" ON "station_status" USING btree ("system_id","reported_at","station_id");