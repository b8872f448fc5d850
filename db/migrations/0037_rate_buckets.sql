CREATE TABLE "rate_buckets" (
	"name" varchar(64) NOT NULL,
	"key" varchar(128) NOT NULL,
	"tokens" double precision NOT NULL,
	"at_ms" double precision NOT NULL,
	CONSTRAINT "rate_buckets_name_key_pk" PRIMARY KEY("name","key")
);
--> statement-breakpoint
-- lib/access/rate-limit.ts takeTokenFunctionSql(), kept equal by its test
CREATE OR REPLACE FUNCTION take_token(p_name text, p_key text, p_limit double precision,
  p_window_ms double precision, p_now_ms double precision DEFAULT NULL)
RETURNS TABLE (allowed boolean, retry_after_seconds integer, tokens_left double precision)
LANGUAGE plpgsql AS $$
DECLARE
  per_ms double precision := p_limit / p_window_ms;
  now_ms double precision := coalesce(p_now_ms, extract(epoch FROM clock_timestamp()) * 1000);
  avail double precision;
BEGIN
  INSERT INTO rate_buckets AS b (name, key, tokens, at_ms) VALUES (p_name, p_key, p_limit, now_ms)
  ON CONFLICT (name, key) DO UPDATE SET tokens = least(p_limit, b.tokens + (now_ms - b.at_ms) * per_ms), at_ms = now_ms
  RETURNING b.tokens INTO avail;
  IF avail >= 1 THEN
    UPDATE rate_buckets SET tokens = avail - 1 WHERE name = p_name AND key = p_key;
    RETURN QUERY SELECT true, 0, avail - 1;
  ELSE
    RETURN QUERY SELECT false, greatest(1, ceil((1 - avail) / per_ms / 1000))::integer, avail;
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "rate_buckets" SET UNLOGGED;
