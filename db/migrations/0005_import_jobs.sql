CREATE TYPE "public"."import_kind" AS ENUM('penalty', 'licence');--> statement-breakpoint
CREATE TYPE "public"."import_mode" AS ENUM('keep_good', 'all_or_nothing');--> statement-breakpoint
CREATE TYPE "public"."import_state" AS ENUM('queued', 'validating', 'writing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"column" varchar(64) NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"department_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"kind" "import_kind" NOT NULL,
	"mode" "import_mode" NOT NULL,
	"file_name" varchar(256) NOT NULL,
	"file_size" bigint NOT NULL,
	"format" varchar(8) NOT NULL,
	"encoding" varchar(16) DEFAULT 'utf-8' NOT NULL,
	"state" "import_state" DEFAULT 'queued' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"validated_rows" integer DEFAULT 0 NOT NULL,
	"committed_rows" integer DEFAULT 0 NOT NULL,
	"new_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_errors_job_id_row_no_index" ON "import_errors" USING btree ("job_id","row_no");--> statement-breakpoint
CREATE INDEX "import_jobs_department_id_id_index" ON "import_jobs" USING btree ("department_id","id");