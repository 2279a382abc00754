-- Every process keeps API-key contexts in memory (lib/auth/api-key-cache.ts) and empties that
-- cache when it hears `auth_changed`: a revoked, deleted, expired-early or re-scoped key, or a
-- changed role or permission, stops working on every instance within milliseconds of the commit.
-- last_used_at is left out of the UPDATE trigger: it changes once a minute per key in use.
CREATE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER api_keys_auth_changed
  AFTER UPDATE OF secret_hash, role_id, tenant_id, expires_at, revoked_at, deleted_at OR DELETE ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER roles_auth_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER role_permissions_auth_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
