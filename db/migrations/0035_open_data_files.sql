CREATE TABLE "dataset_state" (
	"dataset" varchar(48) NOT NULL,
	"record_id" bigint NOT NULL,
	"hash" char(64) NOT NULL,
	"row" jsonb NOT NULL,
	"added_gen" integer NOT NULL,
	"changed_gen" integer NOT NULL,
	"removed_gen" integer,
	"removed_reason" text,
	CONSTRAINT "dataset_state_dataset_record_id_pk" PRIMARY KEY("dataset","record_id")
);
--> statement-breakpoint
CREATE TABLE "dump_files" (
	"generation_id" integer NOT NULL,
	"dataset" varchar(48) NOT NULL,
	"format" varchar(8) NOT NULL,
	"path" text NOT NULL,
	"bytes" bigint NOT NULL,
	"gzip_bytes" bigint NOT NULL,
	"sha256" char(64) NOT NULL,
	"rows" integer NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "dump_files_generation_id_dataset_format_pk" PRIMARY KEY("generation_id","dataset","format")
);
--> statement-breakpoint
CREATE TABLE "dump_generations" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"as_of" date NOT NULL,
	"state" varchar(16) NOT NULL,
	"reason" varchar(16) NOT NULL,
	"change_mark" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dump_files" ADD CONSTRAINT "dump_files_generation_id_dump_generations_id_fk" FOREIGN KEY ("generation_id") REFERENCES "public"."dump_generations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_state_dataset_changed_gen_index" ON "dataset_state" USING btree ("dataset","changed_gen");--> statement-breakpoint
CREATE INDEX "dataset_state_dataset_removed_gen_index" ON "dataset_state" USING btree ("dataset","removed_gen");--> statement-breakpoint
CREATE UNIQUE INDEX "dump_generations_one_building" ON "dump_generations" USING btree ("state") WHERE state = 'building';--> statement-breakpoint
-- Every statement that may change a published dataset moves this counter (no row lock: writers never queue on it);
-- the open-data worker compares it with the last generation's mark to know a change batch has come.
CREATE SEQUENCE "open_data_changes";--> statement-breakpoint
CREATE OR REPLACE FUNCTION open_data_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('open_data_changes');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER penalties_open_data AFTER INSERT OR UPDATE OR DELETE ON "penalties" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER licences_open_data AFTER INSERT OR UPDATE OR DELETE ON "licences" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER list_entries_open_data AFTER INSERT OR UPDATE OR DELETE ON "list_entries" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER commitments_open_data AFTER INSERT OR UPDATE OR DELETE ON "commitments" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER subjects_open_data AFTER INSERT OR UPDATE OR DELETE ON "subjects" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER departments_open_data AFTER INSERT OR UPDATE OR DELETE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER catalogue_items_open_data AFTER INSERT OR UPDATE OR DELETE ON "catalogue_items" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();--> statement-breakpoint
CREATE TRIGGER credit_lists_open_data AFTER INSERT OR UPDATE OR DELETE ON "credit_lists" FOR EACH STATEMENT EXECUTE FUNCTION open_data_touched();
