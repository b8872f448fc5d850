import type { DbHandle } from "../client";

/**
 * A subject's serious 拖欠农民工工资 penalty by department 1, decided 2026-09-01 and public for a year: what the
 * list-decision tests cite as a proposal's basis (issue 21).
 */
export function seriousWagePenalty(
  db: Pick<DbHandle, "exec">,
  o: { subjectId: number; name: string; decisionNo: string },
) {
  return db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
       public_until, repairable_from, disclosable)
     VALUES ($1, $2, 'legal_entity', $3, '2026-09-01', 1, 1, '拖欠农民工工资', '经责令限期支付，逾期仍未支付。',
       '《保障农民工工资支付条例》第五十七条', '{罚款}', '罚款人民币10万元', 10, 'serious', '2027-09-01', '2027-09-02', true)`,
    [o.subjectId, o.name, o.decisionNo],
  );
}
