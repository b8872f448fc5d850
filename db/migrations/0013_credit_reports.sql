CREATE TYPE "public"."report_edition" AS ENUM('public', 'own');--> statement-breakpoint
ALTER TABLE "credit_reports" ADD COLUMN "edition" "report_edition" NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD COLUMN "code_hash" char(64) NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD COLUMN "bytes" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD COLUMN "snapshot" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD COLUMN "requested_by" integer;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD CONSTRAINT "credit_reports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_reports" DROP COLUMN "verification_code";