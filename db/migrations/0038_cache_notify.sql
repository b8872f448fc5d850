-- Issue 24: a change to what app nodes cache (settings, the working calendar) is announced to every node, which
-- drops its cached copy (server/memo.ts listens on this channel).
CREATE OR REPLACE FUNCTION notify_cache_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('credit_cache', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settings_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change();
--> statement-breakpoint
CREATE TRIGGER calendar_days_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change();
