ALTER TABLE "subject_name_reviews" ADD COLUMN "department_id" integer;--> statement-breakpoint
ALTER TABLE "subject_name_reviews" ADD CONSTRAINT "subject_name_reviews_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Reviews opened before this migration: the department of the account whose record raised them, read from the
-- audit row that opened each review; for a batch pushed through the API, the department of the key it names.
UPDATE "subject_name_reviews" r SET "department_id" = u."department_id"
FROM "audit_log" a JOIN "users" u ON u."id" = a."actor_id"
WHERE a."action" = 'subject.name_conflict' AND (a."after"->>'reviewId')::bigint = r."id" AND r."department_id" IS NULL;
--> statement-breakpoint
UPDATE "subject_name_reviews" r SET "department_id" = k."department_id"
FROM "audit_log" a JOIN "api_keys" k ON a."actor_name" = left('api:' || k."label", 64)
WHERE a."action" = 'subject.name_conflict' AND a."actor_id" = 0 AND (a."after"->>'reviewId')::bigint = r."id"
  AND r."department_id" IS NULL
  AND (SELECT count(*) FROM "api_keys" k2 WHERE left('api:' || k2."label", 64) = a."actor_name") = 1;
