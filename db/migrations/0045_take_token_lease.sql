-- an app node takes a lease of tokens at once and gives back what it did not spend (issue 24)
DROP FUNCTION IF EXISTS take_token(text, text, double precision, double precision, double precision);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION take_token(p_name text, p_key text, p_limit double precision,
  p_window_ms double precision, p_now_ms double precision DEFAULT NULL, p_want integer DEFAULT 1,
  p_give_back double precision DEFAULT 0)
RETURNS TABLE (allowed boolean, retry_after_seconds integer, tokens_left double precision, granted integer)
LANGUAGE plpgsql AS $$
DECLARE
  per_ms double precision := p_limit / p_window_ms;
  now_ms double precision := coalesce(p_now_ms, extract(epoch FROM clock_timestamp()) * 1000);
  avail double precision;
  got integer;
BEGIN
  INSERT INTO rate_buckets AS b (name, key, tokens, at_ms) VALUES (p_name, p_key, p_limit, now_ms)
  ON CONFLICT (name, key) DO UPDATE
    SET tokens = least(p_limit, b.tokens + (now_ms - b.at_ms) * per_ms + p_give_back), at_ms = now_ms
  RETURNING b.tokens INTO avail;
  IF avail >= 1 THEN
    got := least(p_want, floor(avail))::integer;
    UPDATE rate_buckets SET tokens = avail - got WHERE name = p_name AND key = p_key;
    RETURN QUERY SELECT true, 0, avail - got, got;
  ELSE
    RETURN QUERY SELECT false, greatest(1, ceil((1 - avail) / per_ms / 1000))::integer, avail, 0;
  END IF;
END $$;
