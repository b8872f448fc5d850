-- Issue 25: the near-miss search looks names up by the grams the planner's statistics do not list as common.
-- With the default target only the 1,000 commonest grams are listed, and grams held by thousands of names at a
-- million subjects pass as rare; a target of 1,000 lists up to 10,000. Analysed at once so it applies now.
ALTER TABLE "subjects" ALTER COLUMN "name_grams" SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE "subjects" ("name_grams");
