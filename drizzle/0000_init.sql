CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "tenants_kind_ck" CHECK ("tenants"."kind" in ('B2B','MUNICIPALITY','CONDOMINIUM','OTHER')),
	CONSTRAINT "tenants_slug_ck" CHECK ("tenants"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"role_id" text NOT NULL,
	"tenant_id" uuid,
	"created_by" text,
	"expires_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"role_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_tenant_id_pk" PRIMARY KEY("user_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "permissions" (
	"id" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_permissions" (
	"role_id" text NOT NULL,
	"permission_id" text NOT NULL,
	CONSTRAINT "role_permissions_role_id_permission_id_pk" PRIMARY KEY("role_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"cpo_wide" boolean DEFAULT false NOT NULL,
	"sees_pool" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"cpo_role" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "users_email_ck" CHECK (position('@' in "users"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "custom_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_groups_name_len_ck" CHECK (char_length("custom_groups"."name") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "location_custom_groups" (
	"location_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "location_custom_groups_location_id_group_id_pk" PRIMARY KEY("location_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text,
	"state" text,
	"country" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"time_zone" text,
	"parking_type" text,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_times" jsonb,
	"charging_when_closed" boolean,
	"directions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publish" boolean DEFAULT true NOT NULL,
	"remarks" text,
	"maintenance" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "locations_name_len_ck" CHECK (char_length("locations"."name") between 1 and 255),
	CONSTRAINT "locations_country_ck" CHECK ("locations"."country" ~ '^[A-Z]{3}$'),
	CONSTRAINT "locations_latitude_ck" CHECK ("locations"."latitude" between -90 and 90),
	CONSTRAINT "locations_longitude_ck" CHECK ("locations"."longitude" between -180 and 180),
	CONSTRAINT "locations_remarks_len_ck" CHECK (char_length("locations"."remarks") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "tariff_tenants" (
	"tariff_id" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	CONSTRAINT "tariff_tenants_tariff_id_tenant_id_pk" PRIMARY KEY("tariff_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"currency" text NOT NULL,
	"elements" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "tariffs_id_ck" CHECK ("tariffs"."id" ~ '^[A-Z0-9_-]{1,36}$'),
	CONSTRAINT "tariffs_currency_ck" CHECK ("tariffs"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "charge_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"location_id" uuid,
	"ocpp_id" text NOT NULL,
	"name" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"firmware_version" text,
	"charger_type" text NOT NULL,
	"access" text,
	"max_power_kw" numeric,
	"configuration" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"availability" text DEFAULT 'OPERATIVE' NOT NULL,
	"availability_sync" text DEFAULT 'OFFLINE' NOT NULL,
	"status" text DEFAULT 'UNKNOWN' NOT NULL,
	"last_heartbeat_at" timestamp (3) with time zone,
	"connected" boolean DEFAULT false NOT NULL,
	"remarks" text,
	"maintenance_windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"commissioning_status" text DEFAULT 'NEW' NOT NULL,
	"ocpp_password_hash" text,
	"template_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "charge_stations_charger_type_ck" CHECK ("charge_stations"."charger_type" in ('AC','DC','AC_DC')),
	CONSTRAINT "charge_stations_access_ck" CHECK ("charge_stations"."access" in ('PUBLIC','SEMI_PUBLIC','PRIVATE')),
	CONSTRAINT "charge_stations_availability_ck" CHECK ("charge_stations"."availability" in ('OPERATIVE','INOPERATIVE')),
	CONSTRAINT "charge_stations_availability_sync_ck" CHECK ("charge_stations"."availability_sync" in ('PENDING','APPLIED','REJECTED','SCHEDULED','OFFLINE')),
	CONSTRAINT "charge_stations_status_ck" CHECK ("charge_stations"."status" in ('AVAILABLE','BLOCKED','CHARGING','INOPERATIVE','OUTOFORDER','PLANNED','REMOVED','RESERVED','UNKNOWN')),
	CONSTRAINT "charge_stations_commissioning_ck" CHECK ("charge_stations"."commissioning_status" in ('NEW','LINKED','TESTED','COMMISSIONED','FAILED')),
	CONSTRAINT "charge_stations_max_power_ck" CHECK ("charge_stations"."max_power_kw" >= 0),
	CONSTRAINT "charge_stations_remarks_len_ck" CHECK (char_length("charge_stations"."remarks") <= 4000),
	CONSTRAINT "charge_stations_linked_has_tenant_ck" CHECK ("charge_stations"."location_id" is null or "charge_stations"."tenant_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "connector_tariffs" (
	"evse_uid" uuid NOT NULL,
	"connector_id" text NOT NULL,
	"tariff_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "connector_tariffs_evse_uid_connector_id_tariff_id_pk" PRIMARY KEY("evse_uid","connector_id","tariff_id")
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"evse_uid" uuid NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"standard" text NOT NULL,
	"format" text NOT NULL,
	"power_type" text NOT NULL,
	"max_voltage" integer NOT NULL,
	"max_amperage" integer NOT NULL,
	"max_electric_power" integer,
	"reported_status" text,
	CONSTRAINT "connectors_evse_uid_id_pk" PRIMARY KEY("evse_uid","id"),
	CONSTRAINT "connectors_format_ck" CHECK ("connectors"."format" in ('SOCKET','CABLE')),
	CONSTRAINT "connectors_power_type_ck" CHECK ("connectors"."power_type" in ('AC_1_PHASE','AC_2_PHASE','AC_2_PHASE_SPLIT','AC_3_PHASE','DC')),
	CONSTRAINT "connectors_ratings_ck" CHECK ("connectors"."max_voltage" > 0 and "connectors"."max_amperage" > 0 and coalesce("connectors"."max_electric_power", 1) > 0)
);
--> statement-breakpoint
CREATE TABLE "evses" (
	"uid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"evse_id" text,
	"status" text DEFAULT 'UNKNOWN' NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT 'OPERATIVE' NOT NULL,
	"floor_level" text,
	"physical_reference" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evses_status_ck" CHECK ("evses"."status" in ('AVAILABLE','BLOCKED','CHARGING','INOPERATIVE','OUTOFORDER','PLANNED','REMOVED','RESERVED','UNKNOWN')),
	CONSTRAINT "evses_availability_ck" CHECK ("evses"."availability" in ('OPERATIVE','INOPERATIVE'))
);
--> statement-breakpoint
CREATE TABLE "station_custom_groups" (
	"station_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "station_custom_groups_station_id_group_id_pk" PRIMARY KEY("station_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "station_test_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"status" text DEFAULT 'RUNNING' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by" text NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "station_test_runs_status_ck" CHECK ("station_test_runs"."status" in ('RUNNING','PASSED','FAILED'))
);
--> statement-breakpoint
CREATE TABLE "hardware_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"vendor" text,
	"model" text,
	"charger_type" text NOT NULL,
	"max_power_kw" numeric,
	"evses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "hardware_templates_charger_type_ck" CHECK ("hardware_templates"."charger_type" in ('AC','DC','AC_DC'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"tenant_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	CONSTRAINT "audit_events_entity_ck" CHECK ("audit_events"."entity" in ('tenant','user','api_key','location','charge_station','tariff','hardware_template'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"caller" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"response_headers" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_caller_method_path_key_pk" PRIMARY KEY("caller","method","path","key")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_permission_id_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_cpo_role_roles_id_fk" FOREIGN KEY ("cpo_role") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_groups" ADD CONSTRAINT "custom_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_custom_groups" ADD CONSTRAINT "location_custom_groups_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_custom_groups" ADD CONSTRAINT "location_custom_groups_group_id_custom_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."custom_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_tenants" ADD CONSTRAINT "tariff_tenants_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_tenants" ADD CONSTRAINT "tariff_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD CONSTRAINT "charge_stations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_stations" ADD CONSTRAINT "charge_stations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_tariffs" ADD CONSTRAINT "connector_tariffs_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_tariffs" ADD CONSTRAINT "connector_tariffs_evse_uid_connector_id_connectors_evse_uid_id_fk" FOREIGN KEY ("evse_uid","connector_id") REFERENCES "public"."connectors"("evse_uid","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_evse_uid_evses_uid_fk" FOREIGN KEY ("evse_uid") REFERENCES "public"."evses"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evses" ADD CONSTRAINT "evses_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_custom_groups" ADD CONSTRAINT "station_custom_groups_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_custom_groups" ADD CONSTRAINT "station_custom_groups_group_id_custom_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."custom_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_test_runs" ADD CONSTRAINT "station_test_runs_station_id_charge_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."charge_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_live_uq" ON "tenants" USING btree ("slug") WHERE "tenants"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tenants_updated_at_idx" ON "tenants" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_uq" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_tenant_idx" ON "api_keys" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "api_keys_updated_at_idx" ON "api_keys" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "memberships_tenant_idx" ON "memberships" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_live_uq" ON "users" USING btree (lower("email")) WHERE "users"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_groups_tenant_name_uq" ON "custom_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "location_custom_groups_group_idx" ON "location_custom_groups" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_tenant_external_id_live_uq" ON "locations" USING btree ("tenant_id","external_id") WHERE "locations"."deleted_at" is null and "locations"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "locations_tenant_updated_idx" ON "locations" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "locations_updated_idx" ON "locations" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "locations_name_idx" ON "locations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "locations_created_idx" ON "locations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "locations_lat_lon_idx" ON "locations" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "tariff_tenants_tenant_idx" ON "tariff_tenants" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tariffs_updated_idx" ON "tariffs" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_stations_ocpp_id_live_uq" ON "charge_stations" USING btree ("ocpp_id") WHERE "charge_stations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "charge_stations_tenant_updated_idx" ON "charge_stations" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "charge_stations_updated_idx" ON "charge_stations" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "charge_stations_created_idx" ON "charge_stations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "charge_stations_name_idx" ON "charge_stations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "charge_stations_location_idx" ON "charge_stations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "charge_stations_serial_idx" ON "charge_stations" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "charge_stations_status_idx" ON "charge_stations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "charge_stations_unlinked_idx" ON "charge_stations" USING btree ("tenant_id") WHERE "charge_stations"."location_id" is null;--> statement-breakpoint
CREATE INDEX "connector_tariffs_tariff_idx" ON "connector_tariffs" USING btree ("tariff_id");--> statement-breakpoint
CREATE INDEX "evses_station_idx" ON "evses" USING btree ("station_id","position");--> statement-breakpoint
CREATE INDEX "evses_evse_id_idx" ON "evses" USING btree (upper("evse_id"));--> statement-breakpoint
CREATE INDEX "station_custom_groups_group_idx" ON "station_custom_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "station_test_runs_station_idx" ON "station_test_runs" USING btree ("station_id","started_at");--> statement-breakpoint
CREATE INDEX "hardware_templates_updated_idx" ON "hardware_templates" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_at_idx" ON "audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");