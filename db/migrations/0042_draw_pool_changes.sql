CREATE TABLE "pool_changes" (
	"xid" "xid8" PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "pool_snapshot" text;--> statement-breakpoint
-- Issue 24 §1: confirming a province-wide draw read its 4.6 million pool members again (3 s) to prove them
-- unchanged. Now a statement that may change a pool records its transaction once, and the confirmation looks
-- for one its preview's snapshot did not see (server/services/supervision/draws.ts).
--
-- The floor: every pool change below the smallest xid here has been pruned.
INSERT INTO pool_changes (xid) VALUES ('0');
--> statement-breakpoint
-- Drops the rows no confirmable preview can need: transactions that ended before the oldest snapshot among the
-- previews of the last day and the caller's own. The row just below the cut stays as the floor, so a preview
-- older than the cut is told that rows it needed are gone. Called by each preview, and by one change in 1,000.
CREATE OR REPLACE FUNCTION prune_pool_changes() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cut xid8;
BEGIN
  -- one pruner at a time, and none waits: a writer that prunes holds the lock to its commit
  IF NOT pg_try_advisory_xact_lock(hashtext('prune_pool_changes')) THEN RETURN; END IF;
  SELECT least(pg_snapshot_xmin(pg_current_snapshot()),
               (SELECT min(pg_snapshot_xmin(pool_snapshot::pg_snapshot)) FROM inspection_draws
                 WHERE state = 'preview' AND pool_snapshot IS NOT NULL AND created_at > now() - interval '1 day'))
    INTO cut;
  IF cut::text::numeric < 1 THEN RETURN; END IF;
  cut := (cut::text::numeric - 1)::text::xid8;
  INSERT INTO pool_changes (xid) VALUES (cut) ON CONFLICT (xid) DO NOTHING;
  DELETE FROM pool_changes WHERE xid < cut;
END $$;
--> statement-breakpoint
-- No row lock is taken, so writers never wait on one another. UPDATE OF fires for the columns named even when
-- the value stays the same: a false alarm only costs the confirmation the full comparison it always made.
CREATE OR REPLACE FUNCTION note_pool_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pool_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
  IF random() < 0.001 THEN PERFORM prune_pool_changes(); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER subjects_pool_change AFTER INSERT OR DELETE OR UPDATE OF id, kind, status, region_code, industry
  OR TRUNCATE ON subjects FOR EACH STATEMENT EXECUTE FUNCTION note_pool_change();
--> statement-breakpoint
CREATE TRIGGER subject_grades_pool_change AFTER INSERT OR DELETE OR UPDATE OF subject_id, grade OR TRUNCATE
  ON subject_grades FOR EACH STATEMENT EXECUTE FUNCTION note_pool_change();
