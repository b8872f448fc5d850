ALTER TABLE "inspection_draws" ADD COLUMN "drawn_list" text;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "result_hash" char(64);--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "per_grade" jsonb;