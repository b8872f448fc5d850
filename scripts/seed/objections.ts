import { randomUUID } from "node:crypto";
import type { DbHandle } from "../../db/client";
import type { IsoDate } from "../../lib/calendar/dates";
import { DEFAULT_POLICY } from "../../lib/policy";
import { contactKey } from "../../lib/workflows/objection";
import { hashTrackingSecret } from "../../server/credentials/tracking-secret";
import { penaltyIsPublicSql } from "../../server/queries/publicity";
import { caseSeedHelpers } from "./case-helpers";
import { DEPT_ID } from "./generate";
import { annotateLastChange } from "./provenance";

/** Every seeded objection shares this secret, printed with the demo accounts, so the tracking page can be tried. */
export const DEMO_OBJECTION_SECRET = "JXYY-2026-1234";

type Plan = {
  state: "submitted" | "verifying" | "corrected" | "revoked" | "upheld";
  /** working days before the anchor it was filed, began verification and closed */
  filed: number;
  verified?: number;
  closed?: number;
  reason: string;
  outcome?: string;
};

const PLANS: Plan[] = [
  {
    state: "submitted",
    filed: 2,
    reason: "处罚决定书所列违法行为发生时，我公司尚未成立，疑为同名企业信息误归集。",
  },
  {
    state: "verifying",
    filed: 9,
    verified: 6,
    reason: "罚款已于决定送达次日缴清，公示内容写为“未缴纳”，与事实不符。",
  },
  {
    state: "corrected",
    filed: 30,
    verified: 27,
    closed: 18,
    reason: "违法事实中经营场所地址有误，应为南昌市红谷滩区。",
    outcome: "经核实，原公示的经营场所地址录入错误，已予更正。",
  },
  {
    state: "revoked",
    filed: 40,
    verified: 37,
    closed: 30,
    reason: "该处罚决定已被行政复议决定撤销（复议决定书附后）。",
    outcome: "经核实，该处罚决定已被复议机关撤销，撤销该公示记录。",
  },
  {
    state: "upheld",
    filed: 50,
    verified: 46,
    closed: 38,
    reason: "认为处罚过重，请求撤下公示。",
    outcome:
      "异议理由不涉及信息错误；处罚决定合法有效，维持原公示记录。如对处罚不服，可依法申请复议或提起诉讼。",
  },
];

/**
 * Issue 14 §1 "Must show": objections in every state, to public penalties of the province market regulator, so
 * its reviewer's queue, the 核实中 mark on the profile and the tracking page all have something to show.
 */
export async function seedObjections(
  db: DbHandle,
  o: { anchor: IsoDate; skipSubjectId: number },
): Promise<void> {
  const { cal, workdayBefore, nextId, caseNo, event } = caseSeedHelpers(db, o.anchor);
  const dept = DEPT_ID.get("jxamr");
  const [rv] = await db.exec("SELECT id FROM users WHERE username = 'reviewer'");
  const targets = await db.exec(
    `SELECT p.id, p.subject_id, p.created_by, p.violation_facts FROM penalties p
     WHERE p.source_dept_id = $1 AND p.subject_id <> $2 AND p.created_by IS DISTINCT FROM $3
       AND ${penaltyIsPublicSql("p", "$4::date")}
       -- online before the earliest objection to it was filed
       AND p.created_at < ($4::date - $5::int)
     ORDER BY p.id LIMIT ${PLANS.length}`,
    [dept, o.skipSubjectId, rv?.id, o.anchor, Math.max(...PLANS.map((p) => p.filed)) + 1],
  );
  for (const [i, plan] of PLANS.entries()) {
    const t = targets[i];
    if (!t) return;
    const id = await nextId("objections");
    const filed = workdayBefore(plan.filed);
    const verifying = plan.verified !== undefined ? workdayBefore(plan.verified) : null;
    const closed = plan.closed !== undefined ? workdayBefore(plan.closed) : null;
    const no = caseNo("YY", filed, id);
    const contact = `1390791${String(1000 + i).padStart(4, "0")}`;
    const correction =
      plan.state === "corrected" ? "更正：违法事实（补正经营场所地址：南昌市红谷滩区）" : null;
    await db.exec(
      `INSERT INTO objections (id, case_no, target_type, target_id, subject_id, dept_id, objector_name, contact, contact_key,
         reason, secret_hash, submission_key, record_entered_by, status, submitted_on, answer_due_on, verifying_on,
         outcome_reason, correction, closed_on, handler_id)
       VALUES ($1, $2, 'penalty', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        id,
        no,
        t.id,
        t.subject_id,
        dept,
        ["李明", "张华", "王芳", "刘洋", "陈磊"][i],
        contact,
        contactKey(contact),
        plan.reason,
        hashTrackingSecret(DEMO_OBJECTION_SECRET),
        randomUUID(),
        t.created_by,
        plan.state,
        filed,
        cal.addWorkingDays(filed, DEFAULT_POLICY.objectionAnswerWorkingDays),
        verifying,
        plan.outcome ?? null,
        correction,
        closed,
        verifying ? rv?.id : null,
      ],
    );
    await event("objection_id", id, null, "submitted", null, filed, null);
    if (verifying) await event("objection_id", id, "submitted", "verifying", rv?.id, verifying, null);
    if (closed)
      await event(
        "objection_id",
        id,
        "verifying",
        plan.state,
        rv?.id,
        closed,
        correction ? `${correction}。${plan.outcome}` : (plan.outcome ?? null),
      );
    if (plan.state === "verifying")
      await db.exec("UPDATE penalties SET under_verification = true WHERE id = $1", [t.id]);
    if (plan.state === "corrected")
      await db.exec(
        "UPDATE penalties SET violation_facts = violation_facts || '经营场所：南昌市红谷滩区。' WHERE id = $1",
        [t.id],
      );
    if (plan.state === "revoked")
      await db.exec("UPDATE penalties SET status = 'withdrawn', withdrawn_reason = $2 WHERE id = $1", [
        t.id,
        `异议核实后撤销（${no}）：${plan.outcome}`,
      ]);
    if (closed && (plan.state === "corrected" || plan.state === "revoked"))
      await annotateLastChange(db, {
        kind: "penalty",
        id: Number(t.id),
        on: closed,
        basis: "异议核实",
        caseNo: no,
      });
  }
}
