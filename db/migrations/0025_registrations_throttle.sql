CREATE TYPE "public"."registration_status" AS ENUM('pending', 'activated', 'rejected', 'expired');--> statement-breakpoint
CREATE TABLE "business_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"contact_name" varchar(64) NOT NULL,
	"phone" varchar(32) NOT NULL,
	"password_hash" text NOT NULL,
	"status" "registration_status" DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"reason" text,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"scope" varchar(64) NOT NULL,
	"address" varchar(64) NOT NULL,
	"failed_attempts" smallint DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_throttle_scope_address_pk" PRIMARY KEY("scope","address")
);
--> statement-breakpoint
ALTER TABLE "business_registrations" ADD CONSTRAINT "business_registrations_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_registrations" ADD CONSTRAINT "business_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_registrations" ADD CONSTRAINT "business_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_registrations_subject_id_status_index" ON "business_registrations" USING btree ("subject_id","status");--> statement-breakpoint
-- issue 20 N7: a pending account claimed its subject; it becomes a registration that claims nothing
INSERT INTO "business_registrations" ("subject_id", "contact_name", "phone", "password_hash", "status", "expires_at", "created_at", "updated_at")
SELECT "subject_id", "display_name", coalesce("phone", ''), "password_hash", 'pending', "created_at" + interval '30 days', "created_at", now()
FROM "users" WHERE "status"::text = 'pending' AND "subject_id" IS NOT NULL;--> statement-breakpoint
DELETE FROM "user_roles" WHERE "user_id" IN (SELECT "id" FROM "users" WHERE "status"::text = 'pending');--> statement-breakpoint
DELETE FROM "users" WHERE "status"::text = 'pending';
