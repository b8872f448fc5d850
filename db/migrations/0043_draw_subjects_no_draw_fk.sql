-- Issue 24 §1: a province-wide confirmation stores 195,560 drawn subjects; checking this key row by row cost 0.6 s.
-- A row is written only by the confirmation that holds its draw row locked (server/services/supervision/draws.ts).
ALTER TABLE "inspection_draw_subjects" DROP CONSTRAINT "inspection_draw_subjects_draw_id_inspection_draws_id_fk";
