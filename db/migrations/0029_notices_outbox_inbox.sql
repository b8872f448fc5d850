CREATE TYPE "public"."notice_kind" AS ENUM('list_notice', 'repair_decision', 'objection_outcome');--> statement-breakpoint
CREATE TYPE "public"."outbox_channel" AS ENUM('inbox', 'email', 'sms', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."outbox_state" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."service_method" AS ENUM('portal', 'email', 'sms', 'in_person', 'post', 'left');--> statement-breakpoint
ALTER TYPE "public"."material_kind" ADD VALUE 'service';--> statement-breakpoint
ALTER TYPE "public"."list_event_step" ADD VALUE 'served' BEFORE 'statement_received';--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"outbox_id" bigint NOT NULL,
	"notice_id" bigint,
	"title" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"href" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "inbox_messages_outboxId_unique" UNIQUE("outbox_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "notice_kind" NOT NULL,
	"case_type" varchar(16) NOT NULL,
	"case_id" bigint NOT NULL,
	"case_no" varchar(32) NOT NULL,
	"subject_id" bigint,
	"issued_on" date NOT NULL,
	"issued_by" integer,
	"served_at" timestamp with time zone,
	"served_on" date,
	"service_method" "service_method",
	"service_note" text,
	"served_by" integer,
	"scan_file_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" "outbox_channel" NOT NULL,
	"template" varchar(40) NOT NULL,
	"payload" jsonb NOT NULL,
	"recipient_user_id" integer,
	"address" varchar(320),
	"href" varchar(200),
	"notice_id" bigint,
	"dedupe_key" varchar(200) NOT NULL,
	"state" "outbox_state" DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" varchar(254);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_served_by_users_id_fk" FOREIGN KEY ("served_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_scan_file_id_case_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."case_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_messages_user_id_created_at_index" ON "inbox_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_kind_case_type_case_id_index" ON "notices" USING btree ("kind","case_type","case_id");--> statement-breakpoint
CREATE INDEX "notices_subject_id_index" ON "notices" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_notice_id_index" ON "outbox" USING btree ("notice_id");--> statement-breakpoint
-- 告知 issued before notices were served on record: their defence period already ran from the notice date, so
-- they are kept as served that day, and say so
INSERT INTO "notices" ("kind", "case_type", "case_id", "case_no", "subject_id", "issued_on", "issued_by", "served_at", "served_on", "service_note")
SELECT 'list_notice', 'list_entry', e.id, e.case_no, e.subject_id, e.notice_date, e.created_by,
       (e.notice_date::timestamp AT TIME ZONE 'Asia/Shanghai'), e.notice_date, '送达登记功能上线前作出的告知，按当时规则自告知之日起计算陈述申辩期'
FROM "list_entries" e WHERE e.notice_date IS NOT NULL;
