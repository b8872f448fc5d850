import { createHash, randomUUID } from "node:crypto";
import type { DbHandle } from "../../db/client";
import { addDays, type IsoDate } from "../../lib/calendar/dates";
import { DEFAULT_POLICY } from "../../lib/policy";
import { penaltyPublicityWindow } from "../../lib/records/publicity";
import { repairApplicationText } from "../../lib/records/repair-application";
import { caseSeedHelpers } from "./case-helpers";
import { DEPT_ID } from "./generate";
import { seededAt } from "./instants";
import { annotateLastChange } from "./provenance";

// A 1×1 PNG: a real image, so the demo's materials open and pass the content check like an upload would.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Issue 11 "Must show": the demo business account has commitments, self-reports and a repair case in each state,
 * with their histories, so the portal and the reviewers' queues are not empty after `npm run demo`. The records
 * are the province market regulator's, entered by its operator and handled by its reviewer (four eyes).
 */
export async function seedBusinessCases(
  db: DbHandle,
  o: {
    anchor: IsoDate;
    subjectId: number;
    businessUserId: number;
    putCaseFile?: (key: string, bytes: Buffer) => Promise<void>;
  },
): Promise<void> {
  const dept = DEPT_ID.get("jxamr");
  const [op] = await db.exec("SELECT id FROM users WHERE username = 'operator'");
  const [rv] = await db.exec("SELECT id FROM users WHERE username = 'reviewer'");
  const [s] = await db.exec("SELECT name, uscc FROM subjects WHERE id = $1", [o.subjectId]);
  const operatorId = op?.id;
  const reviewerId = rv?.id;
  const { cal, workdayBefore, nextId, caseNo, event } = caseSeedHelpers(db, o.anchor);

  // five penalties past their minimum publicity period, one per repair case
  const penaltyIds: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const decision = addDays(o.anchor, -(120 + i * 20));
    const w = penaltyPublicityWindow(decision, "general");
    const [p] = await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
         source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
         public_until, repairable_from, disclosable, created_by, created_at)
       VALUES ($1, $2, 'legal_entity', $3, $4, $5, $5, '未按规定公示年度报告', '当事人未在规定期限内公示上一年度年度报告，经责令限期改正逾期未改。',
         '《企业信息公示暂行条例》第十八条', '{罚款}', $6, $7, 'general', $8, $9, true, $10, $11) RETURNING id`,
      [
        o.subjectId,
        s?.name,
        `赣市监罚〔${decision.slice(0, 4)}〕${900 + i}号`,
        decision,
        dept,
        `罚款人民币${i + 1}万元`,
        i + 1,
        w.publicUntil,
        w.repairableFrom,
        operatorId,
        // online two days after the decision, as the department's own records go
        seededAt(addDays(decision, 2), "09:30"),
      ],
    );
    penaltyIds.push(Number(p?.id));
  }

  const repairs: { state: string; accepted?: number; decided?: number; note?: string }[] = [
    { state: "submitted" },
    { state: "accepted", accepted: 1 },
    { state: "not_accepted", decided: 25, note: "未提交罚款缴纳凭证，申请材料不全。" },
    { state: "denied", accepted: 40, decided: 38, note: "经核查，当事人尚未完成整改，不符合修复条件。" },
    { state: "approved", accepted: 12, decided: 10 },
  ];
  const put = o.putCaseFile;
  for (const [i, r] of repairs.entries()) {
    const target = penaltyIds[i];
    const submitted = workdayBefore(
      r.decided !== undefined ? r.decided + 2 : r.accepted !== undefined ? r.accepted + 1 : 0,
    );
    const acceptedOn = r.accepted !== undefined ? workdayBefore(r.accepted) : null;
    const decidedOn = r.decided !== undefined ? workdayBefore(r.decided) : null;
    const [tpl] = await db.exec(
      "SELECT id, body FROM commitment_templates WHERE type = 'repair' ORDER BY id LIMIT 1",
    );
    const [dec] = await db.exec("SELECT decision_no FROM penalties WHERE id = $1", [target]);
    const finalPledge =
      r.state === "approved"
        ? ["approved", "in_progress"]
        : r.state === "not_accepted" || r.state === "denied"
          ? ["returned", "in_progress"]
          : ["submitted", "in_progress"];
    const [pledge] = await db.exec(
      `INSERT INTO commitments (subject_id, type, template_id, dept_id, title, content, specifics, signer_name, signed_on, submitted_on, status, fulfilment, created_by)
       VALUES ($1, 'repair', $2, $3, '信用修复承诺书', $4, $5, '样例法人', $6, $6, $7, $8, $9) RETURNING id`,
      [
        o.subjectId,
        tpl?.id,
        dept,
        String(tpl?.body).replace("{decision}", String(dec?.decision_no)),
        JSON.stringify({ decision: dec?.decision_no }),
        submitted,
        finalPledge[0],
        finalPledge[1],
        o.businessUserId,
      ],
    );
    const statement =
      "已于处罚决定送达后缴清全部罚款，并补报、公示了年度报告；已建立年报专人负责制度，防止再次发生。";
    const repairId = await nextId("repair_cases");
    const [c] = await db.exec(
      `INSERT INTO repair_cases (id, case_no, subject_id, applicant_id, target_type, target_id, dept_id, statement, application_text,
         submission_key, record_entered_by, commitment_id, status, submitted_on, accept_due_on, accepted_on, decide_due_on,
         decided_on, decision_reason, handler_id, decided_by)
       VALUES ($19, $20, $2, $3, 'penalty', $4, $5, $6, $7, $8, $9, $10, $11, $1, $12, $13, $14, $15, $16, $17, $18) RETURNING id, case_no`,
      [
        submitted,
        o.subjectId,
        o.businessUserId,
        target,
        dept,
        statement,
        repairApplicationText({
          subjectName: String(s?.name),
          uscc: (s?.uscc as string | null) ?? null,
          record: `行政处罚 ${dec?.decision_no}`,
          statement,
          contactName: "企业联系人",
          phone: "0791-86000000",
          signerName: "样例法人",
          date: submitted,
        }),
        randomUUID(),
        operatorId,
        pledge?.id,
        r.state,
        cal.addWorkingDays(submitted, DEFAULT_POLICY.repairAcceptWorkingDays),
        acceptedOn,
        acceptedOn ? cal.addWorkingDays(acceptedOn, DEFAULT_POLICY.repairDecideWorkingDays) : null,
        decidedOn,
        r.note ?? null,
        r.state === "submitted" ? null : reviewerId,
        decidedOn ? reviewerId : null,
        repairId,
        caseNo("XF", submitted, repairId),
      ],
    );
    await event("repair_case_id", c?.id, null, "submitted", o.businessUserId, submitted, null);
    if (acceptedOn)
      await event("repair_case_id", c?.id, "submitted", "accepted", reviewerId, acceptedOn, null);
    if (decidedOn)
      await event(
        "repair_case_id",
        c?.id,
        acceptedOn ? "accepted" : "submitted",
        r.state,
        reviewerId,
        decidedOn,
        r.note ?? null,
      );
    if (r.state === "approved" && decidedOn) {
      await db.exec("UPDATE penalties SET status = 'repaired', repaired_at = $2 WHERE id = $1", [
        target,
        decidedOn,
      ]);
      await annotateLastChange(db, {
        kind: "penalty",
        id: Number(target),
        on: decidedOn,
        basis: "信用修复",
        caseNo: caseNo("XF", submitted, repairId),
      });
    }
    if (put) {
      const storagePath = `${randomUUID()}.bin`;
      await put(storagePath, PNG);
      await db.exec(
        `INSERT INTO case_files (repair_case_id, kind, file_name, mime_type, size_bytes, sha256, storage_path)
         VALUES ($1, 'proof', '罚款缴纳凭证.png', 'image/png', $2, $3, $4)`,
        [c?.id, PNG.length, createHash("sha256").update(PNG).digest("hex"), storagePath],
      );
    }
  }

  // commitments: one approved and in progress, one fulfilled, one waiting for review
  const commitment = async (state: "in_progress" | "fulfilled" | "submitted", daysAgo: number) => {
    const signed = workdayBefore(daysAgo);
    const [row] = await db.exec(
      `INSERT INTO commitments (subject_id, type, template_id, dept_id, title, content, specifics, signer_name, signed_on, submitted_on,
         review_due_on, status, fulfilment, reviewed_by, reviewed_at, fulfilled_on, submission_key, created_by)
       VALUES ($1, 'voluntary', 4, $2, '主动公开信用承诺书',
         '本单位郑重承诺：严格遵守法律法规，依法纳税、守合同重信用、保障劳动者合法权益，如有违反，自愿接受惩戒并向社会公开。',
         '{}', '样例法人', $3, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        o.subjectId,
        dept,
        signed,
        cal.addWorkingDays(signed, DEFAULT_POLICY.commitmentReviewWorkingDays),
        state === "submitted" ? "submitted" : "approved",
        state === "fulfilled" ? "fulfilled" : "in_progress",
        state === "submitted" ? null : reviewerId,
        state === "submitted" ? null : seededAt(workdayBefore(daysAgo - 2)),
        state === "fulfilled" ? workdayBefore(5) : null,
        randomUUID(),
        o.businessUserId,
      ],
    );
    await event("commitment_id", row?.id, null, "submitted", o.businessUserId, signed, null);
    if (state !== "submitted")
      await event(
        "commitment_id",
        row?.id,
        "submitted",
        "in_progress",
        reviewerId,
        workdayBefore(daysAgo - 2),
        null,
      );
    if (state === "fulfilled")
      await event(
        "commitment_id",
        row?.id,
        "in_progress",
        "fulfilled",
        reviewerId,
        workdayBefore(5),
        "承诺期内未发现违法违规行为。",
      );
  };
  await commitment("fulfilled", 60);
  await commitment("in_progress", 20);
  await commitment("submitted", 1);

  // self-reports: one verified (shown on the profile), one waiting
  const report = async (
    state: "verified" | "submitted",
    daysAgo: number,
    title: string,
    category: string,
    issuer: string,
  ) => {
    const submitted = workdayBefore(daysAgo);
    const decided = state === "verified" ? workdayBefore(daysAgo - 3) : null;
    const reportId = await nextId("self_reports");
    const [row] = await db.exec(
      `INSERT INTO self_reports (id, case_no, subject_id, applicant_id, dept_id, category, title, issuer, occurred_on, description,
         pledge_signer, submission_key, status, submitted_on, verify_due_on, decided_on, decision_reason, verified_by)
       VALUES ($16, $17, $2, $3, $4, $5, $6, $7, $8, $9, '样例法人', $10, $11, $1, $12, $13, $14, $15) RETURNING id`,
      [
        submitted,
        o.subjectId,
        o.businessUserId,
        dept,
        category,
        title,
        issuer,
        addDays(submitted, -90),
        `${title}，由${issuer}颁发，证书在有效期内。`,
        randomUUID(),
        state,
        cal.addWorkingDays(submitted, DEFAULT_POLICY.selfReportVerifyWorkingDays),
        decided,
        decided ? "与颁发单位公开信息核对一致。" : null,
        decided ? reviewerId : null,
        reportId,
        caseNo("ZB", submitted, reportId),
      ],
    );
    await event("self_report_id", row?.id, null, "submitted", o.businessUserId, submitted, null);
    if (decided)
      await event(
        "self_report_id",
        row?.id,
        "submitted",
        "verified",
        reviewerId,
        decided,
        "与颁发单位公开信息核对一致。",
      );
    if (put) {
      const storagePath = `${randomUUID()}.bin`;
      await put(storagePath, PNG);
      await db.exec(
        `INSERT INTO case_files (self_report_id, kind, file_name, mime_type, size_bytes, sha256, storage_path)
         VALUES ($1, 'evidence', '证书扫描件.png', 'image/png', $2, $3, $4)`,
        [row?.id, PNG.length, createHash("sha256").update(PNG).digest("hex"), storagePath],
      );
    }
  };
  await report("verified", 30, "江西省守合同重信用企业", "honour", "江西省市场监督管理局");
  // past its 5-working-day verification deadline: the queues and the dashboard show an overdue case
  await report("submitted", 8, "质量管理体系认证证书", "qualification", "中国质量认证中心");
}
