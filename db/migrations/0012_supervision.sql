CREATE TYPE "public"."draw_state" AS ENUM('preview', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."inspection_result" AS ENUM('qualified', 'rectify', 'case');--> statement-breakpoint
CREATE TABLE "dept_inspection_ratios" (
	"dept_id" integer PRIMARY KEY NOT NULL,
	"ratios" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" serial PRIMARY KEY NOT NULL,
	"dept_id" integer NOT NULL,
	"name" varchar(32) NOT NULL,
	"badge_no" varchar(32) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspectors_badgeNo_unique" UNIQUE("badge_no")
);
--> statement-breakpoint
ALTER TABLE "inspection_draws" ALTER COLUMN "draw_no" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ALTER COLUMN "drawn_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD COLUMN "seq" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD COLUMN "result" "inspection_result";--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD COLUMN "result_note" text;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD COLUMN "result_on" date;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD COLUMN "result_by" integer;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "state" "draw_state" DEFAULT 'preview' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "algorithm" varchar(64) NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "pool_ids" bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "pool_grades" text NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "pool_hash" char(64) NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "rule_version" varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "inspector_ids" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "rectify_by" date;--> statement-breakpoint
ALTER TABLE "dept_inspection_ratios" ADD CONSTRAINT "dept_inspection_ratios_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_inspection_ratios" ADD CONSTRAINT "dept_inspection_ratios_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspectors_dept_id_index" ON "inspectors" USING btree ("dept_id");--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_result_by_users_id_fk" FOREIGN KEY ("result_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_draw_subjects_subject_id_index" ON "inspection_draw_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "inspection_draws_state_drawn_at_index" ON "inspection_draws" USING btree ("state","drawn_at");--> statement-breakpoint
ALTER TABLE "inspection_draws" DROP COLUMN "published_at";