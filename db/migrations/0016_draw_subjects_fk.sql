-- A province-wide draw stores ~40,000 drawn subjects in one statement; their row-by-row key checks against a million
-- subjects cost a second. The insert joins subjects instead (server/services/supervision/draws.ts storeDrawn).
ALTER TABLE "inspection_draw_subjects" DROP CONSTRAINT "inspection_draw_subjects_subject_id_subjects_id_fk";
