CREATE TYPE "public"."data_class" AS ENUM('licence', 'penalty', 'penalty_undisclosed', 'list_entry', 'commitment');--> statement-breakpoint
CREATE TYPE "public"."data_classification" AS ENUM('public', 'authorised', 'internal');--> statement-breakpoint
CREATE TYPE "public"."gov_commitment_status" AS ENUM('in_progress', 'fulfilled', 'breached');--> statement-breakpoint
CREATE TYPE "public"."gov_dishonesty_kind" AS ENUM('arrears', 'enforcement', 'contract_breach', 'other');--> statement-breakpoint
CREATE TYPE "public"."measure_effect" AS ENUM('reward', 'punishment');--> statement-breakpoint
CREATE TYPE "public"."measure_matter" AS ENUM('admin_licence', 'fiscal_funds', 'procurement', 'bidding', 'awards', 'land', 'financing', 'civil_service');--> statement-breakpoint
CREATE TYPE "public"."update_frequency" AS ENUM('realtime', 'daily', 'weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."institution_kind" AS ENUM('bank', 'tender_agency', 'guarantee', 'other');--> statement-breakpoint
CREATE TABLE "authorised_queries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"key_id" integer NOT NULL,
	"subject_id" bigint NOT NULL,
	"purpose" varchar(32) NOT NULL,
	"data_classes" text[] NOT NULL,
	"ip" "inet",
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"dept_id" integer NOT NULL,
	"data_class" "data_class" NOT NULL,
	"classification" "data_classification" NOT NULL,
	"frequency" "update_frequency" DEFAULT 'daily' NOT NULL,
	"fields" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gov_commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"content" text NOT NULL,
	"counterparty" varchar(200) NOT NULL,
	"made_on" date NOT NULL,
	"due_on" date,
	"status" "gov_commitment_status" DEFAULT 'in_progress' NOT NULL,
	"status_on" date,
	"status_note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gov_dishonesty" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"kind" "gov_dishonesty_kind" NOT NULL,
	"description" text NOT NULL,
	"amount" numeric(14, 2),
	"document_no" varchar(128) NOT NULL,
	"decided_on" date NOT NULL,
	"settled_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_dishonesty_settled_after" CHECK ("gov_dishonesty"."settled_on" IS NULL OR "gov_dishonesty"."settled_on" >= "gov_dishonesty"."decided_on")
);
--> statement-breakpoint
CREATE TABLE "joint_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"check_no" varchar(24) NOT NULL,
	"dept_id" integer NOT NULL,
	"key_id" integer,
	"user_id" integer,
	"subject_id" bigint NOT NULL,
	"matter" "measure_matter" NOT NULL,
	"hits" jsonb NOT NULL,
	"hit_count" integer NOT NULL,
	"checked_on" date NOT NULL,
	"feedback_due_on" date NOT NULL,
	"feedback_at" timestamp with time zone,
	"applied" integer[],
	"feedback_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_checks_checkNo_unique" UNIQUE("check_no")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(16) NOT NULL,
	"list_kind" "list_kind" NOT NULL,
	"matter" "measure_matter" NOT NULL,
	"effect" "measure_effect" NOT NULL,
	"content" text NOT NULL,
	"legal_basis" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(128) NOT NULL,
	"kind" "institution_kind" NOT NULL,
	"uscc" char(18) NOT NULL,
	"authorisation_no" varchar(64) NOT NULL,
	"authorised_until" date NOT NULL,
	"data_classes" text[] NOT NULL,
	"purposes" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "department_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "institution_id" integer;--> statement-breakpoint
ALTER TABLE "authorised_queries" ADD CONSTRAINT "authorised_queries_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorised_queries" ADD CONSTRAINT "authorised_queries_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorised_queries" ADD CONSTRAINT "authorised_queries_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitments" ADD CONSTRAINT "gov_commitments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitments" ADD CONSTRAINT "gov_commitments_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitments" ADD CONSTRAINT "gov_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_dishonesty" ADD CONSTRAINT "gov_dishonesty_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_dishonesty" ADD CONSTRAINT "gov_dishonesty_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_dishonesty" ADD CONSTRAINT "gov_dishonesty_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_checks" ADD CONSTRAINT "joint_checks_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_checks" ADD CONSTRAINT "joint_checks_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_checks" ADD CONSTRAINT "joint_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_checks" ADD CONSTRAINT "joint_checks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authorised_queries_subject_id_at_index" ON "authorised_queries" USING btree ("subject_id","at");--> statement-breakpoint
CREATE INDEX "authorised_queries_institution_id_at_index" ON "authorised_queries" USING btree ("institution_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_items_dept_id_data_class_index" ON "catalogue_items" USING btree ("dept_id","data_class");--> statement-breakpoint
CREATE INDEX "gov_commitments_subject_id_index" ON "gov_commitments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "gov_dishonesty_subject_id_index" ON "gov_dishonesty" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "joint_checks_dept_id_checked_on_index" ON "joint_checks" USING btree ("dept_id","checked_on");--> statement-breakpoint
CREATE INDEX "joint_checks_subject_id_index" ON "joint_checks" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_one_owner" CHECK (("api_keys"."department_id" IS NULL) <> ("api_keys"."institution_id" IS NULL));--> statement-breakpoint
-- GB 32100-2015 §5, as lib/subjects/uscc usccCheckChar: the quality board counts 错码 in the database
CREATE OR REPLACE FUNCTION uscc_valid(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN code IS NULL OR code !~ '^[0-9A-HJ-NPQRTUWXY]{18}$' THEN false ELSE
    substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
      * (ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28])[i]) % 31)) % 31)::int + 1, 1) = substr(code, 18, 1)
  END FROM generate_series(1, 17) AS i
$$;
