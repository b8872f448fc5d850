-- the list-decision machine has no state "decided": its step was always followed by "published" on the same day
UPDATE "list_entry_events" p SET "document_no" = COALESCE(p."document_no", d."document_no") FROM "list_entry_events" d WHERE d."entry_id" = p."entry_id" AND d."step" = 'decided' AND p."step" = 'published';--> statement-breakpoint
DELETE FROM "list_entry_events" WHERE "step" = 'decided' AND "entry_id" IN (SELECT "entry_id" FROM "list_entry_events" WHERE "step" = 'published');--> statement-breakpoint
UPDATE "list_entry_events" SET "step" = 'published' WHERE "step" = 'decided';--> statement-breakpoint
UPDATE "list_entries" SET "status" = 'published' WHERE "status" = 'decided';--> statement-breakpoint
DROP TABLE "grade_contributions" CASCADE;--> statement-breakpoint
ALTER TABLE "list_entries" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."list_entry_status";--> statement-breakpoint
CREATE TYPE "public"."list_entry_status" AS ENUM('case_opened', 'notified', 'published', 'dropped', 'removed');--> statement-breakpoint
ALTER TABLE "list_entries" ALTER COLUMN "status" SET DATA TYPE "public"."list_entry_status" USING "status"::"public"."list_entry_status";--> statement-breakpoint
ALTER TABLE "list_entry_events" ALTER COLUMN "step" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."list_event_step";--> statement-breakpoint
CREATE TYPE "public"."list_event_step" AS ENUM('case_opened', 'notified', 'published', 'dropped', 'removed', 'statement_received', 'verification_started', 'verification_ended');--> statement-breakpoint
ALTER TABLE "list_entry_events" ALTER COLUMN "step" SET DATA TYPE "public"."list_event_step" USING "step"::"public"."list_event_step";