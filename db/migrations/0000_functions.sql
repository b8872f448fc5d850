-- Every 1- and 2-character substring of a name, lower-cased: the GIN-indexable form of CJK substring search.
-- pg_trgm cannot serve 1–2-character terms and indexes nothing CJK under a C ctype (PGlite); this works on both.
CREATE OR REPLACE FUNCTION cjk_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (
    SELECT substr(lower(t), i, n) AS g
    FROM generate_series(1, char_length(t)) AS i, (VALUES (1), (2)) AS len(n)
    WHERE i + n - 1 <= char_length(t)
  ) AS grams
$$;
