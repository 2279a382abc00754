DROP INDEX "charge_stations_name_idx";--> statement-breakpoint
CREATE INDEX "charge_stations_tenant_name_idx" ON "charge_stations" USING btree ("tenant_id",coalesce("name", ''),"id");--> statement-breakpoint
CREATE INDEX "charge_stations_name_idx" ON "charge_stations" USING btree (coalesce("name", ''),"id");