-- Roles and the permission vocabulary of SPEC section 1. Code checks permission strings only;
-- which role holds which permission lives here.
INSERT INTO "permissions" ("id", "description") VALUES
  ('tenant:read', 'See tenants in scope'),
  ('tenant:manage', 'Create, edit and delete tenants'),
  ('user:manage', 'Invite, edit and disable users; set their roles'),
  ('apikey:manage', 'Create and revoke API keys'),
  ('location:read', 'See locations'),
  ('location:write', 'Create and edit locations'),
  ('location:delete', 'Delete locations'),
  ('station:read', 'See charge stations'),
  ('station:write', 'Create and edit charge stations'),
  ('station:delete', 'Delete charge stations'),
  ('station:link', 'Link a station to a location, or unlink it'),
  ('station:test', 'Run commissioning tests'),
  ('station:availability', 'Set desired availability'),
  ('station:tariff', 'Assign tariff codes to connectors'),
  ('station:maintenance', 'Write maintenance information'),
  ('tariff:read', 'See the tariffs offered'),
  ('tariff:manage', 'Edit the tariff catalog'),
  ('audit:read', 'Read the audit log');
--> statement-breakpoint
INSERT INTO "roles" ("id", "name", "description", "cpo_wide", "sees_pool") VALUES
  ('cpo_admin', 'CPO admin', 'Everything, across all tenants', true, true),
  ('account_manager', 'Account manager', 'Everything inside assigned tenants except deleting them', false, false),
  ('customer_admin', 'Customer admin', 'Manages the tenant''s users, API keys, locations and stations', false, false),
  ('customer_operator', 'Customer operator', 'Creates and edits locations and stations, tariff codes and availability', false, false),
  ('viewer', 'Viewer', 'Read only', false, false),
  ('installer', 'Installer', 'Links stations to locations, runs commissioning tests, writes maintenance info', false, true);
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_id", "permission_id")
SELECT rp.role_id, rp.permission_id FROM (VALUES
  ('cpo_admin', 'tenant:read'), ('cpo_admin', 'tenant:manage'), ('cpo_admin', 'user:manage'),
  ('cpo_admin', 'apikey:manage'), ('cpo_admin', 'location:read'), ('cpo_admin', 'location:write'),
  ('cpo_admin', 'location:delete'), ('cpo_admin', 'station:read'), ('cpo_admin', 'station:write'),
  ('cpo_admin', 'station:delete'), ('cpo_admin', 'station:link'), ('cpo_admin', 'station:test'),
  ('cpo_admin', 'station:availability'), ('cpo_admin', 'station:tariff'), ('cpo_admin', 'station:maintenance'),
  ('cpo_admin', 'tariff:read'), ('cpo_admin', 'tariff:manage'), ('cpo_admin', 'audit:read'),

  ('account_manager', 'tenant:read'), ('account_manager', 'user:manage'), ('account_manager', 'apikey:manage'),
  ('account_manager', 'location:read'), ('account_manager', 'location:write'), ('account_manager', 'location:delete'),
  ('account_manager', 'station:read'), ('account_manager', 'station:write'), ('account_manager', 'station:delete'),
  ('account_manager', 'station:link'), ('account_manager', 'station:test'), ('account_manager', 'station:availability'),
  ('account_manager', 'station:tariff'), ('account_manager', 'station:maintenance'), ('account_manager', 'tariff:read'),
  ('account_manager', 'audit:read'),

  ('customer_admin', 'tenant:read'), ('customer_admin', 'user:manage'), ('customer_admin', 'apikey:manage'),
  ('customer_admin', 'location:read'), ('customer_admin', 'location:write'), ('customer_admin', 'location:delete'),
  ('customer_admin', 'station:read'), ('customer_admin', 'station:write'), ('customer_admin', 'station:delete'),
  ('customer_admin', 'station:link'), ('customer_admin', 'station:test'), ('customer_admin', 'station:availability'),
  ('customer_admin', 'station:tariff'), ('customer_admin', 'station:maintenance'), ('customer_admin', 'tariff:read'),
  ('customer_admin', 'audit:read'),

  ('customer_operator', 'tenant:read'), ('customer_operator', 'location:read'), ('customer_operator', 'location:write'),
  ('customer_operator', 'station:read'), ('customer_operator', 'station:write'), ('customer_operator', 'station:availability'),
  ('customer_operator', 'station:tariff'), ('customer_operator', 'station:maintenance'), ('customer_operator', 'tariff:read'),
  ('customer_operator', 'audit:read'),

  ('viewer', 'tenant:read'), ('viewer', 'location:read'), ('viewer', 'station:read'), ('viewer', 'tariff:read'),
  ('viewer', 'audit:read'),

  ('installer', 'tenant:read'), ('installer', 'location:read'), ('installer', 'station:read'), ('installer', 'tariff:read'),
  ('installer', 'station:link'), ('installer', 'station:test'), ('installer', 'station:maintenance')
) AS rp(role_id, permission_id);
