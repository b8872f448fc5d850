import "server-only";
import { and, asc, eq, exists, or } from "drizzle-orm";
import {
  caseFiles,
  creditListDepartments,
  creditLists,
  departments,
  listEntries,
  listEntryEvents,
  notices,
  subjects,
  users,
} from "@/db/schema";
import { inRecordScope, recordScope, type ScopeUser } from "@/lib/access/scope";
import type { IsoDate } from "@/lib/calendar/dates";
import { SERVICE_METHOD_LABEL, type ServiceMethod } from "@/lib/notify/service";
import { listKindLabel } from "@/lib/records/list-kinds";
import { type DeadlineStanding, standing } from "@/lib/workflows/deadlines";
import {
  LIST_STEP_LABELS,
  type ListDecisionState,
  listDecisionMachine,
  REMOVAL_REASON_LABELS,
} from "@/lib/workflows/list-decision";
import { availableEvents } from "@/lib/workflows/machine";
import { getCalendar } from "../calendar";
import { database, getDb } from "../db";
import { getPolicy } from "../settings";
import { filesOfCase } from "./case-detail";
import { basisRecordsOf } from "./lists";
import { listEntryIsPublicSql, penaltyIsPublicSql } from "./publicity";
import { scopeCondition } from "./scope-sql";

/** A red-list entry the subject no longer deserves (DOMAIN §5): the console proposes its 移出. */
const redRemovalSql = (e: string, today: string) => `${e}.kind = 'red' AND ${e}.status = 'published' AND (
  EXISTS (SELECT 1 FROM penalties p WHERE p.subject_id = ${e}.subject_id AND p.severity = 'serious' AND ${penaltyIsPublicSql("p", today)})
  OR EXISTS (SELECT 1 FROM list_entries n WHERE n.subject_id = ${e}.subject_id AND n.kind IN ('serious_dishonesty', 'key_attention', 'market_ban') AND ${listEntryIsPublicSql("n", today)}))`;

export type ListDecisionRow = {
  id: number;
  caseNo: string;
  listName: string;
  subjectName: string;
  uscc: string | null;
  dept: string;
  state: ListDecisionState;
  noticeDate: string | null;
  due: DeadlineStanding | null;
  validUntil: string | null;
  statement: boolean;
  servedOn: string | null;
  suggestRemoval: boolean;
};

/**
 * The console's list decisions (issue 14 §2) in the actor's scope: open proposals first by their defence deadline,
 * then published entries, each red one the subject no longer deserves marked for 移出.
 */
export async function listDecisionQueue({
  actor,
  filters,
  today,
}: {
  actor: ScopeUser;
  filters: { state?: string; listId?: number; page: number };
  today: IsoDate;
}): Promise<{ rows: ListDecisionRow[]; total: number }> {
  const h = await database();
  const scope = scopeCondition(recordScope(actor), "e.dept_id", 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (filters.state === "suggest_removal") add((p) => redRemovalSql("e", `${p}::date`), today);
  else if (filters.state) add((p) => `e.status::text = ${p}`, filters.state);
  if (filters.listId) add((p) => `e.list_id = ${p}`, filters.listId);
  const size = 20;
  const base = `FROM list_entries e JOIN credit_lists l ON l.id = e.list_id JOIN subjects s ON s.id = e.subject_id
    JOIN departments d ON d.id = e.dept_id
    LEFT JOIN notices n ON n.kind = 'list_notice' AND n.case_type = 'list_entry' AND n.case_id = e.id
    WHERE ${where.join(" AND ")}`;
  const [rows, count, cal] = await Promise.all([
    h.exec(
      `SELECT e.id, e.case_no, l.name AS list_name, s.name AS subject_name, s.uscc, d.short_name AS dept, e.status::text AS state,
              e.notice_date::text AS notice_date, e.statement_deadline::text AS deadline, e.valid_until::text AS valid_until,
              e.statement IS NOT NULL AS statement, n.id IS NOT NULL AS noticed, n.served_on::text AS served_on, (${redRemovalSql("e", `$${params.length + 1}::date`)}) AS suggest
       ${base}
       ORDER BY CASE e.status WHEN 'notified' THEN 0 WHEN 'case_opened' THEN 1 WHEN 'published' THEN 2 ELSE 3 END,
                e.statement_deadline NULLS LAST, e.id DESC
       LIMIT ${size} OFFSET ${(filters.page - 1) * size}`,
      [...params, today],
    ),
    h.exec(`SELECT count(*)::int AS n ${base}`, params),
    getDb().then(getCalendar),
  ]);
  return {
    total: Number(count[0]?.n ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id),
      caseNo: String(r.case_no),
      listName: String(r.list_name),
      subjectName: String(r.subject_name),
      uscc: (r.uscc as string | null) ?? null,
      dept: String(r.dept),
      state: r.state as ListDecisionState,
      noticeDate: (r.notice_date as string | null) ?? null,
      due: r.state === "notified" && r.deadline ? standing(cal, String(r.deadline), today) : null,
      validUntil: (r.valid_until as string | null) ?? null,
      statement: r.statement === true,
      /** issue 22 §3: a 告知's service: its day, "unserved", or null where there is no notice */
      servedOn: r.noticed === true ? ((r.served_on as string | null) ?? "unserved") : null,
      suggestRemoval: r.suggest === true,
    })),
  };
}

export type ListDecisionViewer = ScopeUser & { id: number; subjectId: number | null };

/**
 * One list entry with its full history, for a regulator whose scope covers its department, or for the business
 * it is about (the 告知 and its 陈述申辩); null for anyone else.
 */
export async function getListDecision({
  viewer,
  id,
  today,
}: {
  viewer: ListDecisionViewer;
  id: number;
  today: IsoDate;
}) {
  const db = await getDb();
  const [r] = await db
    .select({
      e: listEntries,
      list: creditLists,
      dept: departments.name,
      deptRegion: departments.regionCode,
      subjectName: subjects.name,
      uscc: subjects.uscc,
      address: subjects.address,
      legalRepresentative: subjects.legalRepresentative,
      notice: notices,
    })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(departments, eq(departments.id, listEntries.deptId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .leftJoin(
      notices,
      and(
        eq(notices.kind, "list_notice"),
        eq(notices.caseType, "list_entry"),
        eq(notices.caseId, listEntries.id),
      ),
    )
    .where(eq(listEntries.id, id));
  if (!r) return null;
  const business = viewer.roles.includes("business");
  if (
    business
      ? viewer.subjectId !== r.e.subjectId
      : !inRecordScope(viewer, { sourceDeptId: r.e.deptId, deptRegion: r.deptRegion })
  )
    return null;
  const [events, files, cal, hint, basis, policy] = await Promise.all([
    db
      .select({ ev: listEntryEvents, name: users.displayName })
      .from(listEntryEvents)
      .leftJoin(users, eq(users.id, listEntryEvents.actorId))
      .where(eq(listEntryEvents.entryId, id))
      .orderBy(asc(listEntryEvents.id)),
    filesOfCase(db, eq(caseFiles.listEntryId, id)),
    getCalendar(db),
    database().then((h) =>
      h.exec(`SELECT (${redRemovalSql("e", "$2::date")}) AS suggest FROM list_entries e WHERE e.id = $1`, [
        id,
        today,
      ]),
    ),
    basisRecordsOf(id),
    getPolicy(),
  ]);
  const state = r.e.status as ListDecisionState;
  return {
    ...r.e,
    state,
    stateLabel: listDecisionMachine.labels[state] ?? state,
    final: listDecisionMachine.final.includes(state),
    // the steps the machine offers this viewer now, with its reasons for those it refuses (issue 21 §2)
    events: availableEvents(
      listDecisionMachine,
      {
        state,
        kind: r.e.kind,
        deptId: r.e.deptId,
        subjectId: r.e.subjectId,
        proposedBy: r.e.createdBy,
        servedOn: r.notice?.servedOn ?? null,
        statementDeadline: r.e.statementDeadline,
        statementReceived: r.e.statement !== null,
        today,
      },
      viewer,
      new Date(),
    ),
    list: r.list,
    dept: r.dept,
    subject: {
      name: r.subjectName,
      uscc: r.uscc,
      address: r.address,
      legalRepresentative: r.legalRepresentative,
    },
    due: state === "notified" && r.e.statementDeadline ? standing(cal, r.e.statementDeadline, today) : null,
    // what the shared case view shows (components/case-view), for the console and the business alike
    title: `${state === "published" || state === "removed" ? "列入" : "拟列入"}“${r.list.name}”`,
    // a negative list shows its 告知日期 below; a red-list proposal, the day it was made
    submittedOn: r.e.noticeDate ? null : r.e.createdAt.toISOString().slice(0, 10),
    fields: [
      ["名单", `${r.list.name}（${listKindLabel(r.e.kind)}）`],
      ["认定依据", r.e.basis],
      ["所依据的行政处罚", basis.map((p) => p.decisionNo).join("、") || null],
      ["禁入领域", r.e.bannedField],
      ["告知日期", r.e.noticeDate],
      ["告知书送达", r.notice ? serviceLine(r.notice) : null],
      ["陈述申辩期至", r.e.statementDeadline ?? (r.notice && !r.notice.servedOn ? "自送达之日起计算" : null)],
      ["陈述申辩", r.e.statementOn ? `${r.e.statementOn} 已提交` : null],
      ["拟定有效期", r.e.validityMonths ? `${r.e.validityMonths} 个月` : null],
      ["认定日期", r.e.decisionDate],
      ["认定决定书文号", r.e.decisionNo],
      ["有效期", r.e.validFrom ? `${r.e.validFrom} 至 ${r.e.validUntil ?? "长期"}` : null],
      ["认定意见", r.e.decisionReason],
      ["移出日期", r.e.removedOn],
      ["移出原因", r.e.removalReason ? REMOVAL_REASON_LABELS[r.e.removalReason] : null],
      ["移出说明", r.e.removalNote],
    ] as [string, string | null][],
    suggestRemoval: hint[0]?.suggest === true,
    /** the defence period in working days, counted from the 告知's service */
    statementDays: policy.statementPeriodWorkingDays,
    /** issue 22 §3: the 告知 and its service, null for a red-list proposal */
    notice: r.notice
      ? {
          id: r.notice.id,
          issuedOn: r.notice.issuedOn,
          servedOn: r.notice.servedOn,
          servedAt: r.notice.servedAt,
          method: r.notice.serviceMethod,
          note: r.notice.serviceNote,
          scanFileId: r.notice.scanFileId,
        }
      : null,
    files,
    history: events.map(({ ev, name }) => ({
      id: ev.id,
      on: ev.on,
      at: ev.createdAt,
      toLabel: `${LIST_STEP_LABELS[ev.step]}${ev.documentNo ? `（${ev.documentNo}）` : ""}`,
      // the business reads the department, the console the officer
      by: business ? (ev.step === "statement_received" ? "本企业" : r.dept) : (name ?? "系统"),
      documentNo: ev.documentNo,
      note: ev.note,
    })),
  };
}

export type ListDecision = NonNullable<Awaited<ReturnType<typeof getListDecision>>>;

/** 「未送达」, or the day and the way a notice was served. */
function serviceLine(n: { servedOn: string | null; serviceMethod: ServiceMethod | null }): string {
  if (!n.servedOn) return "未送达";
  return `${n.servedOn} 已送达${n.serviceMethod ? `（${SERVICE_METHOD_LABEL[n.serviceMethod]}）` : ""}`;
}

/** The 告知 a business has received and not yet seen decided (its portal's 「信用告知」). */
export async function listNoticesFor(subjectId: number) {
  const db = await getDb();
  return db
    .select({
      id: listEntries.id,
      caseNo: listEntries.caseNo,
      listName: creditLists.name,
      noticeDate: listEntries.noticeDate,
      statementDeadline: listEntries.statementDeadline,
      statementOn: listEntries.statementOn,
      status: listEntries.status,
    })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .where(and(eq(listEntries.subjectId, subjectId), eq(listEntries.status, "notified")))
    .orderBy(asc(listEntries.statementDeadline));
}

/** The lists a proposal may name, with their default validity. */
/**
 * The lists, all of them (`forDeptId` unset) or those a department may propose on: its own and those it was made
 * competent for (issue 20 N4).
 */
export async function getCreditLists({ forDeptId }: { forDeptId?: number | null } = {}) {
  const db = await getDb();
  const competent = (deptId: number) =>
    or(
      eq(creditLists.ownerDeptId, deptId),
      exists(
        db
          .select({ one: creditListDepartments.listId })
          .from(creditListDepartments)
          .where(
            and(eq(creditListDepartments.listId, creditLists.id), eq(creditListDepartments.deptId, deptId)),
          ),
      ),
    );
  return db
    .select({
      id: creditLists.id,
      name: creditLists.name,
      kind: creditLists.kind,
      months: creditLists.validityMonths,
    })
    .from(creditLists)
    .where(
      forDeptId === undefined
        ? undefined
        : forDeptId === null
          ? eq(creditLists.id, -1)
          : competent(forDeptId),
    )
    .orderBy(asc(creditLists.kind), asc(creditLists.id));
}

/** Issue 20 N4: each list with its owner and the departments made competent for it, for the sysadmin. */
export async function getListCompetences() {
  const db = await getDb();
  const [lists, grants] = await Promise.all([
    db
      .select({ id: creditLists.id, name: creditLists.name, kind: creditLists.kind, owner: departments.name })
      .from(creditLists)
      .innerJoin(departments, eq(departments.id, creditLists.ownerDeptId))
      .orderBy(asc(creditLists.id)),
    db
      .select({ listId: creditListDepartments.listId, deptId: departments.id, name: departments.name })
      .from(creditListDepartments)
      .innerJoin(departments, eq(departments.id, creditListDepartments.deptId))
      .orderBy(asc(departments.id)),
  ]);
  return lists.map((l) => ({ ...l, competent: grants.filter((g) => g.listId === l.id) }));
}
