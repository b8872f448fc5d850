DROP INDEX "subjects_name_initials_index";--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "initials_grams" text[] GENERATED ALWAYS AS (cjk_grams(name_initials)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "subjects_initials_grams_idx" ON "subjects" USING gin ("initials_grams");--> statement-breakpoint
CREATE INDEX "subjects_initials_prefix_idx" ON "subjects" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subjects_name_index" ON "subjects" USING btree ("name");