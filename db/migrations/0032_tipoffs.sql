CREATE TYPE "public"."tipoff_status" AS ENUM('submitted', 'accepted', 'rejected', 'substantiated', 'unsubstantiated');--> statement-breakpoint
CREATE TABLE "tipoffs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" varchar(32) NOT NULL,
	"subject_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"reporter_name" varchar(64) NOT NULL,
	"contact" varchar(128) NOT NULL,
	"content" text NOT NULL,
	"secret_hash" char(64) NOT NULL,
	"submission_key" uuid,
	"status" "tipoff_status" DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"answer_due_on" date NOT NULL,
	"accepted_on" date,
	"closed_on" date,
	"outcome_reason" text,
	"handler_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tipoffs_caseNo_unique" UNIQUE("case_no"),
	CONSTRAINT "tipoffs_submissionKey_unique" UNIQUE("submission_key")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "tipoff_id" bigint;--> statement-breakpoint
ALTER TABLE "case_files" ADD COLUMN "tipoff_id" bigint;--> statement-breakpoint
ALTER TABLE "tipoffs" ADD CONSTRAINT "tipoffs_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tipoffs" ADD CONSTRAINT "tipoffs_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tipoffs" ADD CONSTRAINT "tipoffs_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tipoffs_dept_id_status_index" ON "tipoffs" USING btree ("dept_id","status");--> statement-breakpoint
CREATE INDEX "tipoffs_subject_id_index" ON "tipoffs" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_tipoff_id_tipoffs_id_fk" FOREIGN KEY ("tipoff_id") REFERENCES "public"."tipoffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_tipoff_id_tipoffs_id_fk" FOREIGN KEY ("tipoff_id") REFERENCES "public"."tipoffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_tipoff_id_index" ON "case_events" USING btree ("tipoff_id");