CREATE TYPE "public"."record_channel" AS ENUM('console', 'import', 'api');--> statement-breakpoint
CREATE TABLE "record_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_kind" varchar(16) NOT NULL,
	"record_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(16) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"basis" text,
	"case_no" varchar(64),
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "channel" "record_channel" DEFAULT 'console' NOT NULL;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD COLUMN "channel" "record_channel" DEFAULT 'console' NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "channel" "record_channel" DEFAULT 'console' NOT NULL;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "channel" "record_channel" DEFAULT 'console' NOT NULL;--> statement-breakpoint
CREATE INDEX "record_changes_record_kind_record_id_index" ON "record_changes" USING btree ("record_kind","record_id");--> statement-breakpoint
-- record_changed(): lib/records/provenance.ts recordChangedFunctionSql(); its test keeps them equal.
CREATE OR REPLACE FUNCTION record_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb := coalesce(nullif(current_setting('credit.change', true), ''), '{}')::jsonb;
  kind text := CASE TG_TABLE_NAME WHEN 'penalties' THEN 'penalty' WHEN 'licences' THEN 'licence' ELSE 'list_entry' END;
  tracked text[] := CASE TG_TABLE_NAME
    WHEN 'penalties' THEN ARRAY['decision_no','decision_date','violation_type','violation_facts','legal_basis','penalty_types','penalty_content','fine_amount','confiscated_amount','licence_affected','effective_until','severity']
    WHEN 'licences' THEN ARRAY['decision_no','decision_date','decision_title','category','certificate_name','licence_no','content','valid_from','valid_to']
    ELSE ARRAY['basis','facts','banned_field','decision_no','decision_date','valid_from','valid_until'] END;
  personal text[] := ARRAY['violation_facts','penalty_content','content','basis','facts'];
  o jsonb := to_jsonb(OLD);
  n jsonb := to_jsonb(NEW);
  person boolean;
  diff jsonb := '[]'::jsonb;
  f text;
  act text;
BEGIN
  IF TG_TABLE_NAME = 'list_entries' THEN
    -- before its publication an entry is a case between the subject and the department, not a public record
    IF o->>'status' IS DISTINCT FROM 'published' THEN RETURN NULL; END IF;
    IF n->>'status' = 'removed' THEN
      act := CASE n->>'removal_reason' WHEN 'repaired' THEN 'repaired' WHEN 'revoked' THEN 'withdrawn' ELSE 'removed' END;
    END IF;
  ELSIF n->>'status' IS DISTINCT FROM o->>'status' THEN
    act := CASE n->>'status' WHEN 'withdrawn' THEN 'withdrawn' WHEN 'repaired' THEN 'repaired' ELSE 'restored' END;
  END IF;
  person := coalesce(n->>'counterpart_category', '') = 'natural_person'
    OR EXISTS (SELECT 1 FROM subjects s WHERE s.id = (n->>'subject_id')::bigint AND s.kind = 'natural_person');
  FOREACH f IN ARRAY tracked LOOP
    IF o->f IS DISTINCT FROM n->f THEN
      diff := diff || CASE WHEN person AND f = ANY(personal) THEN jsonb_build_object('field', f)
        ELSE jsonb_build_object('field', f, 'from', o->f, 'to', n->f) END;
    END IF;
  END LOOP;
  IF act IS NULL AND jsonb_array_length(diff) = 0 THEN RETURN NULL; END IF;
  INSERT INTO record_changes (record_kind, record_id, action, channel, basis, case_no, fields)
  VALUES (kind, NEW.id, coalesce(act, 'corrected'), coalesce(ctx->>'channel', 'system'),
    ctx->>'basis', ctx->>'caseNo', diff);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER penalties_changed AFTER UPDATE ON "penalties" FOR EACH ROW EXECUTE FUNCTION record_changed();--> statement-breakpoint
CREATE TRIGGER licences_changed AFTER UPDATE ON "licences" FOR EACH ROW EXECUTE FUNCTION record_changed();--> statement-breakpoint
CREATE TRIGGER list_entries_changed AFTER UPDATE ON "list_entries" FOR EACH ROW EXECUTE FUNCTION record_changed();
