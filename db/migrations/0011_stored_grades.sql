-- DOMAIN §9 as set-based SQL: the same rule as lib/grading computeGrade, over the same public facts as the profile
-- (server/queries/publicity.ts), a record under objection (核实中) counting against nothing. The weights are the
-- 'grading' setting over lib/grading DEFAULT_GRADING (copied here; a test keeps the two equal).
CREATE OR REPLACE FUNCTION grade_rules() RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT '{"version":"2026.1","start":100,"generalPenalty":-5,"seriousPenalty":-20,"redListEntry":5,"breachedCommitment":-10,"fulfilledCommitment":2,"bands":{"A":90,"B":75,"C":60}}'::jsonb
    || coalesce((SELECT value FROM settings WHERE key = 'grading'), '{}'::jsonb)
$$;--> statement-breakpoint

-- Regrades the given subjects, or every subject when ids is NULL (npm run grades:recompute). Dynamic SQL: each run
-- is planned for what it is, a hash aggregate over everything or index lookups for a few subjects.
CREATE OR REPLACE FUNCTION regrade_subjects(ids bigint[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := grade_rules();
  today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  subset text := CASE WHEN ids IS NULL THEN 'TRUE' ELSE 'subject_id = ANY($2)' END;
  n integer;
BEGIN
  IF ids IS NOT NULL AND cardinality(ids) = 0 THEN
    RETURN 0;
  END IF;
  EXECUTE format($q$
    WITH p AS (
      SELECT subject_id, count(*) FILTER (WHERE severity = 'general') AS g, count(*) FILTER (WHERE severity = 'serious') AS s
        FROM penalties
       WHERE %1$s AND status = 'active' AND disclosable AND decision_date <= $1 AND public_until >= $1 AND NOT under_verification
       GROUP BY subject_id
    ), e AS (
      SELECT subject_id, count(*) FILTER (WHERE kind = 'red') AS red,
             bool_or(kind = 'key_attention' AND NOT under_verification) AS ka,
             bool_or(kind = 'serious_dishonesty' AND NOT under_verification) AS sd
        FROM list_entries
       WHERE %1$s AND status = 'published' AND valid_from <= $1 AND (valid_until IS NULL OR valid_until >= $1)
       GROUP BY subject_id
    ), c AS (
      SELECT subject_id, count(*) FILTER (WHERE fulfilment = 'fulfilled') AS f, count(*) FILTER (WHERE fulfilment = 'breached') AS b
        FROM commitments
       WHERE %1$s AND status = 'approved' AND type <> 'repair'
         AND NOT (fulfilment = 'breached' AND (breach_repaired_at IS NOT NULL OR breach_public_until < $1))
       GROUP BY subject_id
    ), scored AS (
      SELECT s.id,
             ($3->>'start')::int
               + coalesce(p.g, 0) * ($3->>'generalPenalty')::int + coalesce(p.s, 0) * ($3->>'seriousPenalty')::int
               + coalesce(e.red, 0) * ($3->>'redListEntry')::int
               + coalesce(c.b, 0) * ($3->>'breachedCommitment')::int + coalesce(c.f, 0) * ($3->>'fulfilledCommitment')::int
               AS score,
             coalesce(e.ka, false) AS ka, coalesce(e.sd, false) AS sd
        FROM subjects s
        LEFT JOIN p ON p.subject_id = s.id
        LEFT JOIN e ON e.subject_id = s.id
        LEFT JOIN c ON c.subject_id = s.id
       WHERE %2$s
    )
    INSERT INTO subject_grades (subject_id, grade, score, rule_version, computed_at)
    SELECT id,
           (CASE WHEN sd THEN 'D'
                 WHEN score >= ($3->'bands'->>'A')::int AND NOT ka THEN 'A'
                 WHEN score >= ($3->'bands'->>'B')::int AND NOT ka THEN 'B'
                 WHEN score >= ($3->'bands'->>'C')::int THEN 'C'
                 ELSE 'D' END)::grade,
           greatest(-32768, least(32767, score)), $3->>'version', now()
      FROM scored
    ON CONFLICT (subject_id) DO UPDATE
      SET grade = excluded.grade, score = excluded.score, rule_version = excluded.rule_version, computed_at = excluded.computed_at
  $q$, subset, replace(subset, 'subject_id', 's.id'))
  USING today, ids, r;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;--> statement-breakpoint

-- Grades follow every change of what feeds them, in the changing statement's own transaction, once per statement.
CREATE OR REPLACE FUNCTION regrade_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM regrade_subjects(ARRAY(SELECT DISTINCT subject_id FROM new_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION regrade_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM regrade_subjects(ARRAY(SELECT DISTINCT subject_id FROM old_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION regrade_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM regrade_subjects(ARRAY(SELECT subject_id FROM new_rows UNION SELECT subject_id FROM old_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER penalties_regrade_insert AFTER INSERT ON penalties REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_inserted();--> statement-breakpoint
CREATE TRIGGER penalties_regrade_update AFTER UPDATE ON penalties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_updated();--> statement-breakpoint
CREATE TRIGGER penalties_regrade_delete AFTER DELETE ON penalties REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_deleted();--> statement-breakpoint
CREATE TRIGGER list_entries_regrade_insert AFTER INSERT ON list_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_inserted();--> statement-breakpoint
CREATE TRIGGER list_entries_regrade_update AFTER UPDATE ON list_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_updated();--> statement-breakpoint
CREATE TRIGGER list_entries_regrade_delete AFTER DELETE ON list_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_deleted();--> statement-breakpoint
CREATE TRIGGER commitments_regrade_insert AFTER INSERT ON commitments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_inserted();--> statement-breakpoint
CREATE TRIGGER commitments_regrade_update AFTER UPDATE ON commitments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_updated();--> statement-breakpoint
CREATE TRIGGER commitments_regrade_delete AFTER DELETE ON commitments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION regrade_deleted();--> statement-breakpoint
-- grades of the data already here
SELECT regrade_subjects(NULL);
