import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import type { Classification, DataClass, Reader } from "@/lib/platform/catalogue";
import { DEFAULT_CLASSIFICATION, mayRead } from "@/lib/platform/catalogue";
import { database } from "../db";

/** A record's class and its department's classification, read without the catalogue's public filter. */
const classified = (cls: string, dept: string) =>
  `(SELECT ci.classification::text FROM catalogue_items ci WHERE ci.dept_id = ${dept} AND ci.data_class = '${cls}')`;

/**
 * What an institution reads beyond the public view (issue 23 §2): records within their publicity whose item the
 * catalogue classifies 授权查询 and whose class its authorisation covers — through the one rule, `mayRead`. 内部
 * items stay with the departments; public ones are in the profile already.
 */
export async function authorisedRecords(subjectId: number, reader: Reader, today: IsoDate) {
  const h = await database();
  const rows = await h.exec(
    `SELECT CASE WHEN p.disclosable THEN 'penalty' ELSE 'penalty_undisclosed' END AS cls,
            CASE WHEN p.disclosable THEN ${classified("penalty", "p.source_dept_id")}
                 ELSE ${classified("penalty_undisclosed", "p.source_dept_id")} END AS classification,
            p.id, p.decision_no AS no, p.decision_date::text AS day, p.violation_type AS title,
            p.penalty_content AS content, d.name AS dept
       FROM penalties p JOIN departments d ON d.id = p.authority_dept_id
      WHERE p.subject_id = $1 AND p.status = 'active' AND p.decision_date <= $2 AND p.public_until >= $2
     UNION ALL
     SELECT 'licence', ${classified("licence", "l.source_dept_id")}, l.id, l.decision_no, l.decision_date::text,
            l.decision_title, l.content, d.name
       FROM licences l JOIN departments d ON d.id = l.authority_dept_id
      WHERE l.subject_id = $1 AND l.status = 'active' AND l.decision_date <= $2
     UNION ALL
     SELECT 'list_entry', ${classified("list_entry", "e.dept_id")}, e.id, e.decision_no, e.decision_date::text,
            cl.name, e.facts, d.name
       FROM list_entries e JOIN credit_lists cl ON cl.id = e.list_id JOIN departments d ON d.id = e.dept_id
      WHERE e.subject_id = $1 AND e.status = 'published' AND (e.valid_until IS NULL OR e.valid_until >= $2)
     UNION ALL
     SELECT 'commitment', ${classified("commitment", "c.dept_id")}, c.id, NULL, c.signed_on::text, c.title,
            c.content, d.name
       FROM commitments c JOIN departments d ON d.id = c.dept_id
      WHERE c.subject_id = $1 AND c.status = 'approved' AND c.type <> 'repair'
     ORDER BY day DESC`,
    [subjectId, today],
  );
  return rows
    .map((r) => {
      const dataClass = r.cls as DataClass;
      return {
        dataClass,
        classification: (r.classification as Classification | null) ?? DEFAULT_CLASSIFICATION[dataClass],
        id: Number(r.id),
        decisionNo: (r.no as string | null) ?? null,
        date: String(r.day),
        title: String(r.title),
        content: String(r.content),
        dept: String(r.dept),
      };
    })
    .filter((r) => r.classification !== "public" && mayRead(r.classification, r.dataClass, reader));
}
