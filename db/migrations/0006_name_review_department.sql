ALTER TABLE "subject_name_reviews" ADD COLUMN "department_id" integer;--> statement-breakpoint
ALTER TABLE "subject_name_reviews" ADD CONSTRAINT "subject_name_reviews_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Reviews opened before this migration: the department of the account whose record raised them, read from the
-- audit row that opened each review. Those left without one (pushed through the API) are seen by no department.
UPDATE "subject_name_reviews" r SET "department_id" = u."department_id"
FROM "audit_log" a JOIN "users" u ON u."id" = a."actor_id"
WHERE a."action" = 'subject.name_conflict' AND (a."after"->>'reviewId')::bigint = r."id" AND r."department_id" IS NULL;
