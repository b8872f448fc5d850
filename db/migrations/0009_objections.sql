ALTER TABLE "objections" ADD COLUMN "contact_key" varchar(128) NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "secret_hash" char(64) NOT NULL DEFAULT repeat('0', 64);--> statement-breakpoint
-- rows written before tracking secrets existed: their contact as compared; no secret matches an all-zero hash
UPDATE "objections" SET "contact_key" = lower(regexp_replace("contact", '[\s\-()]', '', 'g'));--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "record_entered_by" integer;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "verifying_on" date;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "correction" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "under_verification" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_record_entered_by_users_id_fk" FOREIGN KEY ("record_entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_one_open_per_contact" ON "objections" USING btree ("target_type","target_id","contact_key") WHERE status IN ('submitted', 'verifying');--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_submissionKey_unique" UNIQUE("submission_key");--> statement-breakpoint
ALTER TABLE "objections" ALTER COLUMN "contact_key" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "objections" ALTER COLUMN "secret_hash" DROP DEFAULT;
