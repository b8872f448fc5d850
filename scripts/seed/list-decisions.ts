import type { DbHandle } from "../../db/client";
import type { IsoDate } from "../../lib/calendar/dates";
import { render } from "../../lib/notify/templates";
import { DEFAULT_POLICY } from "../../lib/policy";
import { validityOf } from "../../lib/workflows/list-decision";
import { caseSeedHelpers } from "./case-helpers";
import { DEPT_ID } from "./generate";
import { seededAt } from "./instants";

type Plan = {
  state: "case_opened" | "notified" | "published" | "dropped" | "removed";
  list: number;
  /** working days before the anchor the proposal was made */
  proposed: number;
  statement?: string;
  decided?: number;
  removed?: number;
  note?: string;
  /** the demo business's own subject: its portal shows the 告知, unread and waiting to be signed for */
  own?: boolean;
  /** issue 22 §3: how the 告知 was served, on the day it was made; absent: not yet served */
  served?: "portal" | "post" | "in_person";
};

const FACTS = {
  3: "当事人被列入经营异常名录届满 3 年仍未履行相关义务。",
  2: "当事人连续三年合同履约率 100%，无违法违规记录，经评审符合守合同重信用企业条件。",
} as const;
const BASIS = {
  3: "《市场监督管理严重违法失信名单管理办法》第十条",
  2: "《江西省守合同重信用企业公示管理办法》第八条",
} as const;

const PLANS: Plan[] = [
  { state: "notified", list: 3, proposed: 1, own: true },
  {
    state: "notified",
    list: 3,
    proposed: 2,
    served: "portal",
    statement: "我单位已于本月补报全部年度报告并申请移出经营异常名录，请求不予列入。",
  },
  { state: "notified", list: 3, proposed: 9, served: "in_person" },
  // a company without a portal account: the officer must serve the 告知 on paper before anything is decided
  { state: "notified", list: 3, proposed: 3 },
  { state: "case_opened", list: 2, proposed: 3 },
  {
    state: "dropped",
    list: 3,
    served: "post",
    proposed: 20,
    decided: 12,
    note: "当事人已补报年报并移出经营异常名录，不再符合列入条件。",
  },
  {
    state: "published",
    list: 3,
    served: "post",
    proposed: 30,
    decided: 22,
    note: "当事人逾期未陈述申辩，事实清楚、依据充分。",
  },
  {
    state: "removed",
    list: 3,
    served: "in_person",
    proposed: 60,
    decided: 52,
    removed: 5,
    note: "当事人已完成信用修复，依申请提前移出。",
  },
];

const SERVED_NOTE = {
  portal: "经企业服务平台签收送达",
  post: "邮寄送达（EMS），送达回证已归档",
  in_person: "直接送达，当事人签收，送达回证已归档",
} as const;

/** The demo business's unread 站内信 for its 告知, as the outbox would have delivered it. */
async function seedNoticeMessage(
  db: DbHandle,
  o: { entryId: number; noticeId: unknown; caseNo: string; subjectId: unknown; on: IsoDate },
) {
  const [user] = await db.exec("SELECT id FROM users WHERE subject_id = $1", [o.subjectId]);
  if (!user) return;
  const [names] = await db.exec(
    "SELECT l.name AS list, d.name AS dept FROM list_entries e JOIN credit_lists l ON l.id = e.list_id JOIN departments d ON d.id = e.dept_id WHERE e.id = $1",
    [o.entryId],
  );
  const payload = {
    caseNo: o.caseNo,
    listName: String(names?.list),
    deptName: String(names?.dept),
    facts: FACTS[3],
    basis: BASIS[3],
    days: DEFAULT_POLICY.statementPeriodWorkingDays,
  };
  const text = render("list_notice", payload);
  const at = seededAt(o.on, "10:05");
  const [m] = await db.exec(
    `INSERT INTO outbox (channel, template, payload, recipient_user_id, href, notice_id, dedupe_key, state, attempts,
       next_attempt_at, delivered_at, answer, created_at)
     VALUES ('inbox', 'list_notice', $1::jsonb, $2, $3, $4, $5, 'delivered', 1, $6, $6, '已送入站内信', $6) RETURNING id`,
    [
      JSON.stringify(payload),
      user.id,
      `/business/lists/${o.entryId}`,
      o.noticeId,
      `list:${o.entryId}:notified|user:${user.id}|inbox`,
      at,
    ],
  );
  await db.exec(
    `INSERT INTO inbox_messages (user_id, outbox_id, notice_id, title, body, href, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [user.id, m?.id, o.noticeId, text.title, text.body, `/business/lists/${o.entryId}`, at],
  );
}

/**
 * Issue 14 §2 "Must show": list proposals in every state, decided by the province market regulator's reviewer and
 * proposed by its operator (four eyes), one of them a 告知 to the demo business so its portal shows it.
 */
export async function seedListDecisions(
  db: DbHandle,
  o: { anchor: IsoDate; ownSubjectId: number },
): Promise<void> {
  const { cal, workdayBefore, nextId, caseNo } = caseSeedHelpers(db, o.anchor);
  // the generated listings' 告知 were served by post on the day they were made (their deadlines count from it)
  await db.exec(
    `INSERT INTO notices (kind, case_type, case_id, case_no, subject_id, issued_on, served_at, served_on, service_method, service_note)
     SELECT 'list_notice', 'list_entry', e.id, e.case_no, e.subject_id, e.notice_date,
            (e.notice_date::timestamp + time '15:00') AT TIME ZONE 'Asia/Shanghai', e.notice_date, 'post', $1
     FROM list_entries e WHERE e.notice_date IS NOT NULL`,
    [SERVED_NOTE.post],
  );
  const dept = DEPT_ID.get("jxamr");
  const [op] = await db.exec("SELECT id FROM users WHERE username = 'operator'");
  const [rv] = await db.exec("SELECT id FROM users WHERE username = 'reviewer'");
  const others = await db.exec(
    `SELECT s.id FROM subjects s WHERE s.kind = 'legal_person' AND s.id <> $1
       AND NOT EXISTS (SELECT 1 FROM list_entries e WHERE e.subject_id = s.id) ORDER BY s.id LIMIT ${PLANS.length}`,
    [o.ownSubjectId],
  );
  const ev = (
    entry: number,
    step: string,
    on: IsoDate,
    actor: unknown,
    doc: string | null,
    note: string | null,
  ) =>
    db.exec(
      `INSERT INTO list_entry_events (entry_id, step, "on", actor_id, document_no, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $3::date + time '10:00' - interval '8 hours')`,
      [entry, step, on, actor, doc, note],
    );
  for (const [i, p] of PLANS.entries()) {
    const subjectId = p.own ? o.ownSubjectId : others[i]?.id;
    if (subjectId === undefined) return;
    const kind = p.list === 2 ? "red" : "serious_dishonesty";
    const id = await nextId("list_entries");
    const on = workdayBefore(p.proposed);
    const no = caseNo("MD", on, id);
    const notice = kind !== "red";
    const deadline =
      notice && p.served ? cal.addWorkingDays(on, DEFAULT_POLICY.statementPeriodWorkingDays) : null;
    const decided = p.decided !== undefined ? workdayBefore(p.decided) : null;
    const statementOn = p.statement ? workdayBefore(p.proposed - 1) : null;
    const months = DEFAULT_POLICY.listValidityMonths[kind];
    const published = p.state === "published" || p.state === "removed";
    const validity = published && decided ? validityOf(decided, months) : null;
    const decisionNo = published ? `赣市监信认〔${decided?.slice(0, 4)}〕${30 + i}号` : null;
    await db.exec(
      `INSERT INTO list_entries (id, list_id, kind, subject_id, status, case_no, dept_id, basis, facts, notice_date,
         statement_deadline, decision_date, decision_no, published_at, valid_from, valid_until, removed_on, removal_reason,
         removal_note, validity_months, statement, statement_on, decision_reason, decided_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)`,
      [
        id,
        p.list,
        kind,
        subjectId,
        p.state,
        no,
        dept,
        BASIS[p.list as 2 | 3],
        FACTS[p.list as 2 | 3],
        notice ? on : null,
        deadline,
        decided,
        decisionNo,
        published && decided ? seededAt(decided) : null,
        validity?.validFrom ?? null,
        validity?.validUntil ?? null,
        p.removed !== undefined ? workdayBefore(p.removed) : null,
        p.state === "removed" ? "repaired" : null,
        p.state === "removed" ? p.note : null,
        months,
        p.statement ?? null,
        statementOn,
        p.state === "removed" ? "当事人逾期未陈述申辩，事实清楚、依据充分。" : (p.note ?? null),
        decided ? rv?.id : null,
        op?.id,
      ],
    );
    await ev(id, "case_opened", on, op?.id, no, `提出列入建议`);
    if (notice)
      await ev(
        id,
        "notified",
        on,
        op?.id,
        no,
        `告知当事人拟列入的事实、依据及陈述申辩的权利，陈述申辩期自送达之日起 ${DEFAULT_POLICY.statementPeriodWorkingDays} 个工作日`,
      );
    if (notice) {
      const [n] = await db.exec(
        `INSERT INTO notices (kind, case_type, case_id, case_no, subject_id, issued_on, issued_by, served_at, served_on,
           service_method, service_note, served_by)
         VALUES ('list_notice', 'list_entry', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          id,
          no,
          subjectId,
          on,
          op?.id,
          p.served ? seededAt(on, "15:00") : null,
          p.served ? on : null,
          p.served ?? null,
          p.served ? SERVED_NOTE[p.served] : null,
          p.served && p.served !== "portal" ? op?.id : null,
        ],
      );
      if (p.served)
        await ev(id, "served", on, op?.id, no, `告知书${SERVED_NOTE[p.served]}，陈述申辩期至 ${deadline}`);
      if (p.own) await seedNoticeMessage(db, { entryId: id, noticeId: n?.id, caseNo: no, subjectId, on });
    }
    if (p.statement && statementOn) await ev(id, "statement_received", statementOn, null, null, p.statement);
    if (decided)
      await ev(
        id,
        published ? "published" : "dropped",
        decided,
        rv?.id,
        decisionNo,
        published ? "当事人逾期未陈述申辩，事实清楚、依据充分。" : (p.note ?? null),
      );
    if (p.removed !== undefined)
      await ev(id, "removed", workdayBefore(p.removed), rv?.id, null, p.note ?? null);
  }
}
