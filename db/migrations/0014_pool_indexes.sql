-- Issue 12: a 双随机 pool of a million subjects read from two index-only scans merged on id (no heap, no sort):
-- the filter columns beside the subject's id, and the grade beside its subject's id.
CREATE INDEX IF NOT EXISTS "subjects_pool_idx" ON "subjects" ("id") INCLUDE ("kind", "status", "region_code", "industry");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "subject_grades_pool_idx" ON "subject_grades" ("subject_id") INCLUDE ("grade");
