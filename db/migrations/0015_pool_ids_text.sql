-- a draw's pool snapshot as the comma-joined text its hash is taken over (parsing a million-element bigint[] on
-- every preview cost a second)
ALTER TABLE "inspection_draws" ALTER COLUMN "pool_ids" SET DATA TYPE text USING array_to_string("pool_ids", ',');
