CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'failure', 'denied');--> statement-breakpoint
CREATE TYPE "public"."case_target" AS ENUM('penalty', 'licence', 'admin_act', 'list_entry', 'commitment');--> statement-breakpoint
CREATE TYPE "public"."material_kind" AS ENUM('application', 'commitment', 'proof', 'evidence');--> statement-breakpoint
CREATE TYPE "public"."objection_status" AS ENUM('submitted', 'verifying', 'corrected', 'revoked', 'upheld');--> statement-breakpoint
CREATE TYPE "public"."repair_status" AS ENUM('submitted', 'accepted', 'not_accepted', 'approved', 'denied');--> statement-breakpoint
CREATE TYPE "public"."commitment_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."commitment_type" AS ENUM('approval_substitute', 'tolerance', 'self_discipline', 'voluntary', 'repair');--> statement-breakpoint
CREATE TYPE "public"."fulfilment_status" AS ENUM('in_progress', 'fulfilled', 'breached');--> statement-breakpoint
CREATE TYPE "public"."list_entry_status" AS ENUM('case_opened', 'notified', 'decided', 'published', 'removed', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."list_event_step" AS ENUM('case_opened', 'notified', 'statement_received', 'decided', 'published', 'dropped', 'removed', 'verification_started', 'verification_ended');--> statement-breakpoint
CREATE TYPE "public"."list_kind" AS ENUM('red', 'serious_dishonesty', 'key_attention', 'market_ban');--> statement-breakpoint
CREATE TYPE "public"."list_removal_reason" AS ENUM('expired', 'repaired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."admin_act_kind" AS ENUM('enforcement', 'confirmation', 'levy', 'benefit', 'adjudication', 'compensation', 'reward', 'inspection');--> statement-breakpoint
CREATE TYPE "public"."counterpart_category" AS ENUM('legal_entity', 'natural_person', 'individual_business');--> statement-breakpoint
CREATE TYPE "public"."licence_category" AS ENUM('普通', '特许', '认可', '核准', '登记', '其他');--> statement-breakpoint
CREATE TYPE "public"."penalty_type" AS ENUM('警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他');--> statement-breakpoint
CREATE TYPE "public"."record_status" AS ENUM('active', 'withdrawn', 'repaired');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('general', 'serious');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TYPE "public"."name_review_status" AS ENUM('pending', 'renamed', 'kept');--> statement-breakpoint
CREATE TYPE "public"."subject_kind" AS ENUM('legal_person', 'unincorporated', 'individual_business', 'farmer_coop', 'social_org', 'institution', 'government', 'natural_person');--> statement-breakpoint
CREATE TYPE "public"."subject_status" AS ENUM('active', 'deregistered', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('A', 'B', 'C', 'D');--> statement-breakpoint
CREATE TYPE "public"."interview_kind" AS ENUM('prompt', 'warning');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('operator', 'reviewer', 'supervisor', 'sysadmin', 'auditor', 'business');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" integer,
	"actor_name" varchar(64),
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(48),
	"entity_id" varchar(64),
	"before" jsonb,
	"after" jsonb,
	"ip" varchar(64),
	"user_agent" text,
	"outcome" "audit_outcome" NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"repair_case_id" bigint,
	"objection_id" bigint,
	"from_status" varchar(32),
	"to_status" varchar(32) NOT NULL,
	"actor_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"repair_case_id" bigint,
	"objection_id" bigint,
	"kind" "material_kind" NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"mime_type" varchar(64) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"storage_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" varchar(32) NOT NULL,
	"target_type" "case_target" NOT NULL,
	"target_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"objector_name" varchar(64) NOT NULL,
	"contact" varchar(128) NOT NULL,
	"reason" text NOT NULL,
	"status" "objection_status" DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"answer_due_on" date NOT NULL,
	"outcome_reason" text,
	"closed_on" date,
	"handler_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objections_caseNo_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE TABLE "repair_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" varchar(32) NOT NULL,
	"subject_id" bigint NOT NULL,
	"applicant_id" integer NOT NULL,
	"target_type" "case_target" NOT NULL,
	"target_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"statement" text NOT NULL,
	"commitment_id" bigint,
	"status" "repair_status" DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"accept_due_on" date NOT NULL,
	"accepted_on" date,
	"decide_due_on" date,
	"decided_on" date,
	"decision_reason" text,
	"handler_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_cases_caseNo_unique" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE TABLE "commitment_templates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" "commitment_type" NOT NULL,
	"title" varchar(128) NOT NULL,
	"body" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"type" "commitment_type" NOT NULL,
	"template_id" bigint,
	"dept_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"content" text NOT NULL,
	"specifics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signer_name" varchar(64) NOT NULL,
	"signed_on" date NOT NULL,
	"status" "commitment_status" DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"fulfilment" "fulfilment_status" DEFAULT 'in_progress' NOT NULL,
	"breach_finding" text,
	"breached_on" date,
	"fulfilled_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" varchar(128) NOT NULL,
	"short_name" varchar(32) NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code"),
	CONSTRAINT "departments_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "credit_lists" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "list_kind" NOT NULL,
	"name" varchar(128) NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"legal_basis" text NOT NULL,
	"validity_months" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_lists_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "list_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"list_id" bigint NOT NULL,
	"kind" "list_kind" NOT NULL,
	"subject_id" bigint NOT NULL,
	"status" "list_entry_status" NOT NULL,
	"case_no" varchar(64) NOT NULL,
	"dept_id" integer NOT NULL,
	"basis" text NOT NULL,
	"facts" text NOT NULL,
	"banned_field" varchar(128),
	"notice_date" date,
	"statement_deadline" date,
	"decision_date" date,
	"decision_no" varchar(128),
	"published_at" timestamp with time zone,
	"valid_from" date,
	"valid_until" date,
	"removed_on" date,
	"removal_reason" "list_removal_reason",
	"removal_note" text,
	"under_verification" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_entry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" bigint NOT NULL,
	"step" "list_event_step" NOT NULL,
	"on" date NOT NULL,
	"actor_id" integer,
	"document_no" varchar(128),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_acts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"counterpart_name" varchar(200) NOT NULL,
	"counterpart_category" "counterpart_category" NOT NULL,
	"legal_representative" varchar(64),
	"decision_no" varchar(128) NOT NULL,
	"decision_date" date NOT NULL,
	"authority_dept_id" integer NOT NULL,
	"source_dept_id" integer NOT NULL,
	"status" "record_status" DEFAULT 'active' NOT NULL,
	"withdrawn_reason" text,
	"remarks" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "admin_act_kind" NOT NULL,
	"title" varchar(200) NOT NULL,
	"content" text NOT NULL,
	"legal_basis" text
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"counterpart_name" varchar(200) NOT NULL,
	"counterpart_category" "counterpart_category" NOT NULL,
	"legal_representative" varchar(64),
	"decision_no" varchar(128) NOT NULL,
	"decision_date" date NOT NULL,
	"authority_dept_id" integer NOT NULL,
	"source_dept_id" integer NOT NULL,
	"status" "record_status" DEFAULT 'active' NOT NULL,
	"withdrawn_reason" text,
	"remarks" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_title" varchar(200) NOT NULL,
	"category" "licence_category" NOT NULL,
	"certificate_name" varchar(200),
	"licence_no" varchar(128),
	"content" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"counterpart_name" varchar(200) NOT NULL,
	"counterpart_category" "counterpart_category" NOT NULL,
	"legal_representative" varchar(64),
	"decision_no" varchar(128) NOT NULL,
	"decision_date" date NOT NULL,
	"authority_dept_id" integer NOT NULL,
	"source_dept_id" integer NOT NULL,
	"status" "record_status" DEFAULT 'active' NOT NULL,
	"withdrawn_reason" text,
	"remarks" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"violation_type" varchar(200) NOT NULL,
	"violation_facts" text NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_types" "penalty_type"[] NOT NULL,
	"penalty_content" text NOT NULL,
	"fine_amount" numeric(14, 6),
	"confiscated_amount" numeric(14, 6),
	"licence_affected" varchar(256),
	"effective_until" date,
	"severity" "severity" DEFAULT 'general' NOT NULL,
	"public_until" date NOT NULL,
	"repairable_from" date NOT NULL,
	"disclosable" boolean NOT NULL,
	"under_verification" boolean DEFAULT false NOT NULL,
	"repaired_at" date
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" varchar(6),
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_no" varchar(32) NOT NULL,
	"subject_id" bigint NOT NULL,
	"verification_code" varchar(16) NOT NULL,
	"sha256" char(64) NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_reports_reportNo_unique" UNIQUE("report_no")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_name_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"current_name" varchar(200) NOT NULL,
	"proposed_name" varchar(200) NOT NULL,
	"source" varchar(200) NOT NULL,
	"status" "name_review_status" DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"public_id" varchar(24) NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"uscc" char(18),
	"name" varchar(200) NOT NULL,
	"name_grams" text[] GENERATED ALWAYS AS (cjk_grams(name)) STORED NOT NULL,
	"name_initials" varchar(200) DEFAULT '' NOT NULL,
	"legal_representative" varchar(64),
	"id_number_digest" char(64),
	"id_number_cipher" text,
	"id_number_masked" varchar(18),
	"region_code" varchar(6),
	"industry" char(1),
	"address" varchar(256),
	"registered_on" date,
	"status" "subject_status" DEFAULT 'active' NOT NULL,
	"last_activity_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_publicId_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "grade_contributions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"rule" varchar(48) NOT NULL,
	"ref_type" varchar(32),
	"ref_id" bigint,
	"points" smallint NOT NULL,
	"cap" "grade",
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draw_subjects" (
	"draw_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"grade" "grade" NOT NULL,
	"inspector_ids" integer[] NOT NULL,
	CONSTRAINT "inspection_draw_subjects_draw_id_subject_id_pk" PRIMARY KEY("draw_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"draw_no" varchar(32) NOT NULL,
	"dept_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"pool" jsonb NOT NULL,
	"ratios" jsonb NOT NULL,
	"seed" char(64) NOT NULL,
	"pool_size" integer NOT NULL,
	"drawn_by" integer NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "inspection_draws_drawNo_unique" UNIQUE("draw_no")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"kind" "interview_kind" NOT NULL,
	"held_on" date NOT NULL,
	"matter" text NOT NULL,
	"outcome" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_grades" (
	"subject_id" bigint PRIMARY KEY NOT NULL,
	"grade" "grade" NOT NULL,
	"score" smallint NOT NULL,
	"rule_version" varchar(32) NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer NOT NULL,
	"label" varchar(64) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"key_hash" char(64) NOT NULL,
	"created_by" integer,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "totp_recovery_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" char(64) NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" integer NOT NULL,
	"role" "role" NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" varchar(64) NOT NULL,
	"password_hash" text NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_attempts" smallint DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"department_id" integer,
	"region_code" varchar(6),
	"subject_id" bigint,
	"last_sign_in_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_repair_case_id_repair_cases_id_fk" FOREIGN KEY ("repair_case_id") REFERENCES "public"."repair_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_repair_case_id_repair_cases_id_fk" FOREIGN KEY ("repair_case_id") REFERENCES "public"."repair_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_cases" ADD CONSTRAINT "repair_cases_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_template_id_commitment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."commitment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_lists" ADD CONSTRAINT "credit_lists_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_list_id_credit_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."credit_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entry_events" ADD CONSTRAINT "list_entry_events_entry_id_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entry_events" ADD CONSTRAINT "list_entry_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD CONSTRAINT "admin_acts_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD CONSTRAINT "admin_acts_authority_dept_id_departments_id_fk" FOREIGN KEY ("authority_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD CONSTRAINT "admin_acts_source_dept_id_departments_id_fk" FOREIGN KEY ("source_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD CONSTRAINT "admin_acts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_acts" ADD CONSTRAINT "admin_acts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_authority_dept_id_departments_id_fk" FOREIGN KEY ("authority_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_source_dept_id_departments_id_fk" FOREIGN KEY ("source_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_authority_dept_id_departments_id_fk" FOREIGN KEY ("authority_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_source_dept_id_departments_id_fk" FOREIGN KEY ("source_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_reports" ADD CONSTRAINT "credit_reports_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_name_reviews" ADD CONSTRAINT "subject_name_reviews_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_contributions" ADD CONSTRAINT "grade_contributions_subject_id_subject_grades_subject_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subject_grades"("subject_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_grades" ADD CONSTRAINT "subject_grades_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_recovery_codes" ADD CONSTRAINT "totp_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_index" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_index" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "case_events_repair_case_id_index" ON "case_events" USING btree ("repair_case_id");--> statement-breakpoint
CREATE INDEX "case_events_objection_id_index" ON "case_events" USING btree ("objection_id");--> statement-breakpoint
CREATE INDEX "objections_target_type_target_id_index" ON "objections" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "objections_dept_id_status_index" ON "objections" USING btree ("dept_id","status");--> statement-breakpoint
CREATE INDEX "repair_cases_subject_id_index" ON "repair_cases" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "repair_cases_target_type_target_id_index" ON "repair_cases" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "repair_cases_dept_id_status_index" ON "repair_cases" USING btree ("dept_id","status");--> statement-breakpoint
CREATE INDEX "commitments_subject_id_index" ON "commitments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "commitments_status_type_index" ON "commitments" USING btree ("status","type");--> statement-breakpoint
CREATE INDEX "departments_region_code_index" ON "departments" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "list_entries_subject_id_index" ON "list_entries" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "list_entries_kind_status_valid_until_index" ON "list_entries" USING btree ("kind","status","valid_until");--> statement-breakpoint
CREATE INDEX "list_entries_list_id_decision_date_index" ON "list_entries" USING btree ("list_id","decision_date");--> statement-breakpoint
CREATE INDEX "list_entry_events_entry_id_index" ON "list_entry_events" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_acts_source_dept_id_decision_no_index" ON "admin_acts" USING btree ("source_dept_id","decision_no");--> statement-breakpoint
CREATE INDEX "admin_acts_subject_id_index" ON "admin_acts" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "admin_acts_decision_date_index" ON "admin_acts" USING btree ("decision_date");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_source_dept_id_decision_no_index" ON "licences" USING btree ("source_dept_id","decision_no");--> statement-breakpoint
CREATE INDEX "licences_subject_id_index" ON "licences" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "licences_decision_date_index" ON "licences" USING btree ("decision_date");--> statement-breakpoint
CREATE INDEX "licences_authority_dept_id_decision_date_index" ON "licences" USING btree ("authority_dept_id","decision_date");--> statement-breakpoint
CREATE UNIQUE INDEX "penalties_source_dept_id_decision_no_index" ON "penalties" USING btree ("source_dept_id","decision_no");--> statement-breakpoint
CREATE INDEX "penalties_subject_id_index" ON "penalties" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "penalties_decision_date_index" ON "penalties" USING btree ("decision_date");--> statement-breakpoint
CREATE INDEX "penalties_authority_dept_id_decision_date_index" ON "penalties" USING btree ("authority_dept_id","decision_date");--> statement-breakpoint
CREATE INDEX "regions_parent_code_index" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_uscc_index" ON "subjects" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_id_number_digest_index" ON "subjects" USING btree ("id_number_digest");--> statement-breakpoint
CREATE INDEX "subjects_name_grams_idx" ON "subjects" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "subjects_name_initials_index" ON "subjects" USING btree ("name_initials");--> statement-breakpoint
CREATE INDEX "subjects_region_code_kind_index" ON "subjects" USING btree ("region_code","kind");--> statement-breakpoint
CREATE INDEX "grade_contributions_subject_id_index" ON "grade_contributions" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "interviews_subject_id_index" ON "interviews" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "users_department_id_index" ON "users" USING btree ("department_id");