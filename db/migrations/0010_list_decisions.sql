ALTER TYPE "public"."material_kind" ADD VALUE 'statement';--> statement-breakpoint
ALTER TABLE "case_files" ADD COLUMN "list_entry_id" bigint;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "validity_months" smallint;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "statement" text;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "statement_on" date;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "decided_by" integer;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_list_entry_id_list_entries_id_fk" FOREIGN KEY ("list_entry_id") REFERENCES "public"."list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;