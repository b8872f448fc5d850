CREATE TYPE "public"."self_report_category" AS ENUM('qualification', 'honour', 'charity', 'performance');--> statement-breakpoint
CREATE TYPE "public"."self_report_status" AS ENUM('submitted', 'verified', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."user_status" ADD VALUE 'pending';--> statement-breakpoint
CREATE TABLE "self_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" varchar(32) NOT NULL,
	"subject_id" bigint NOT NULL,
	"applicant_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"category" "self_report_category" NOT NULL,
	"title" varchar(200) NOT NULL,
	"issuer" varchar(200) NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"pledge_signer" varchar(64) NOT NULL,
	"submission_key" uuid,
	"status" "self_report_status" DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"verify_due_on" date NOT NULL,
	"decided_on" date,
	"decision_reason" text,
	"verified_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_reports_caseNo_unique" UNIQUE("case_no"),
	CONSTRAINT "self_reports_submissionKey_unique" UNIQUE("submission_key")
);
--> statement-breakpoint
CREATE TABLE "activation_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"code_hash" char(64) NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" integer,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "activation_codes_codeHash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "commitment_id" bigint;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "self_report_id" bigint;--> statement-breakpoint
ALTER TABLE "case_files" ADD COLUMN "self_report_id" bigint;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD COLUMN "application_text" text;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD COLUMN "record_entered_by" integer;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD COLUMN "decided_by" integer;--> statement-breakpoint
ALTER TABLE "commitment_templates" ADD COLUMN "series_id" bigint;--> statement-breakpoint
ALTER TABLE "commitment_templates" ADD COLUMN "version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_templates" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitment_templates" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "submitted_on" date;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "review_due_on" date;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "breach_public_until" date;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "breach_repairable_from" date;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "breach_repaired_at" date;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "finding_by" integer;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "unrepairable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "list_entries" ADD COLUMN "unrepairable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "unrepairable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" varchar(32);--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_reports_subject_id_index" ON "self_reports" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "self_reports_dept_id_status_index" ON "self_reports" USING btree ("dept_id","status");--> statement-breakpoint
CREATE INDEX "activation_codes_subject_id_index" ON "activation_codes" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_self_report_id_self_reports_id_fk" FOREIGN KEY ("self_report_id") REFERENCES "public"."self_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_self_report_id_self_reports_id_fk" FOREIGN KEY ("self_report_id") REFERENCES "public"."self_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_record_entered_by_users_id_fk" FOREIGN KEY ("record_entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_templates" ADD CONSTRAINT "commitment_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_finding_by_users_id_fk" FOREIGN KEY ("finding_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_commitment_id_index" ON "case_events" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "case_events_self_report_id_index" ON "case_events" USING btree ("self_report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repair_cases_one_open_per_record" ON "repair_cases" USING btree ("target_type","target_id") WHERE status IN ('submitted', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "users_one_account_per_subject" ON "users" USING btree ("subject_id") WHERE subject_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_submissionKey_unique" UNIQUE("submission_key");--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_submissionKey_unique" UNIQUE("submission_key");--> statement-breakpoint
-- Existing templates become the first version of their own series.
UPDATE "commitment_templates" SET "series_id" = "id" WHERE "series_id" IS NULL;
--> statement-breakpoint
UPDATE "commitments" SET "submitted_on" = "signed_on" WHERE "submitted_on" IS NULL;
--> statement-breakpoint
-- A 违诺 already found is public like a 一般失信 record from its finding (lib/records/repair-eligibility).
UPDATE "commitments" SET
  "breach_public_until" = ("breached_on" + interval '12 months')::date,
  "breach_repairable_from" = ("breached_on" + interval '3 months' + interval '1 day')::date
WHERE "fulfilment" = 'breached' AND "breached_on" IS NOT NULL;
