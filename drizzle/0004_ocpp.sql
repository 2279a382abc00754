CREATE TABLE "ocpp_gateways" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"port" integer NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocpp_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ocpp_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"direction" text NOT NULL,
	"message_type" text NOT NULL,
	"action" text,
	"message_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"latency_ms" integer,
	CONSTRAINT "ocpp_messages_direction_ck" CHECK ("ocpp_messages"."direction" in ('IN','OUT')),
	CONSTRAINT "ocpp_messages_type_ck" CHECK ("ocpp_messages"."message_type" in ('CALL','CALLRESULT','CALLERROR'))
);
--> statement-breakpoint
CREATE TABLE "station_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"response" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_by" text NOT NULL,
	"test_run_id" uuid,
	"gateway_id" text,
	"created_at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "station_commands_kind_ck" CHECK ("station_commands"."kind" in ('sync_availability','sync_configuration','get_configuration','provision_password','reset','trigger_message','remote_start','remote_stop')),
	CONSTRAINT "station_commands_status_ck" CHECK ("station_commands"."status" in ('QUEUED','SENT','ACCEPTED','REJECTED','FAILED','TIMED_OUT'))
);
--> statement-breakpoint
CREATE TABLE "station_transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "station_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"station_id" uuid NOT NULL,
	"connector_number" integer NOT NULL,
	"id_tag" text NOT NULL,
	"meter_start" integer NOT NULL,
	"meter_stop" integer,
	"last_meter_wh" integer,
	"started_at" timestamp (3) with time zone NOT NULL,
	"stopped_at" timestamp (3) with time zone,
	"stop_reason" text
);
--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "gateway_id" text;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "connected_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "last_boot_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "boot_report" jsonb;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "iccid" text;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "imsi" text;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "firmware_status" text;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "firmware_status_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "diagnostics_status" text;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "diagnostics_status_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "configuration_sync" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "reported_configuration" jsonb;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD COLUMN "reported_configuration_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "connectors" ADD COLUMN "reported_error_code" text;--> statement-breakpoint
ALTER TABLE "connectors" ADD COLUMN "reported_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "evses" ADD COLUMN "availability_sync" text DEFAULT 'OFFLINE' NOT NULL;--> statement-breakpoint
ALTER TABLE "evses" ADD COLUMN "availability_accepted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "station_test_runs" ADD COLUMN "remote_start" jsonb;--> statement-breakpoint
ALTER TABLE "station_test_runs" ADD COLUMN "gateway_id" text;--> statement-breakpoint
ALTER TABLE "ocpp_messages" ADD CONSTRAINT "ocpp_messages_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_commands" ADD CONSTRAINT "station_commands_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_commands" ADD CONSTRAINT "station_commands_test_run_id_station_test_runs_id_fk" FOREIGN KEY ("test_run_id") REFERENCES "public"."station_test_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_transactions" ADD CONSTRAINT "station_transactions_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocpp_messages_station_idx" ON "ocpp_messages" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "station_commands_station_idx" ON "station_commands" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "station_commands_open_idx" ON "station_commands" USING btree ("station_id","created_at") WHERE "station_commands"."status" in ('QUEUED', 'SENT');--> statement-breakpoint
CREATE INDEX "station_transactions_station_idx" ON "station_transactions" USING btree ("station_id","started_at");--> statement-breakpoint
CREATE INDEX "charge_stations_gateway_idx" ON "charge_stations" USING btree ("gateway_id") WHERE "charge_stations"."gateway_id" is not null;--> statement-breakpoint
CREATE INDEX "station_test_runs_running_idx" ON "station_test_runs" USING btree ("station_id") WHERE "station_test_runs"."status" = 'RUNNING';--> statement-breakpoint
ALTER TABLE "evses" ADD CONSTRAINT "evses_availability_sync_ck" CHECK ("evses"."availability_sync" in ('PENDING','APPLIED','REJECTED','SCHEDULED','OFFLINE'));