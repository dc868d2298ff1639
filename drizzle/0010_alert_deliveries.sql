CREATE TABLE "alert_delivery" (
	"alert_id" text NOT NULL,
	"system_id" text NOT NULL,
	"station_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "alert_delivery_alert_id_system_id_station_id_started_at_state_pk" PRIMARY KEY("alert_id","system_id","station_id","started_at","state"),
	CONSTRAINT "alert_delivery_state" CHECK ("alert_delivery"."state" IN ('started', 'ended')),
	CONSTRAINT "alert_delivery_status" CHECK ("alert_delivery"."status" IN ('pending', 'delivered', 'failed', 'stale'))
);
--> statement-breakpoint
CREATE INDEX "alert_delivery_due" ON "alert_delivery" USING btree ("next_attempt_at") WHERE "alert_delivery"."status" = 'pending';--> statement-breakpoint
-- The alerts worker runs with the writers' role, as the consumer and the classifier do; the web never reads it.
GRANT SELECT, INSERT, UPDATE ON alert_delivery TO bikestream_consumer;
