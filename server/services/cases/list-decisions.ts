import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  caseFiles,
  creditListDepartments,
  creditLists,
  departments,
  listEntries,
  listEntryEvents,
  notices,
  penalties,
  subjects,
} from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { message } from "@/lib/notify/templates";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import {
  type ListDecisionCase,
  type ListDecisionEvent,
  listDecisionMachine,
  listProposalState,
  needsNotice,
  proposalAuthorityProblem,
  proposalBasisProblem,
  REMOVAL_REASON_LABELS,
  type RemovalReason,
  validityOf,
} from "@/lib/workflows/list-decision";
import { missingReason } from "@/lib/workflows/machine";
import { describeChanges } from "@/server/services/records/change-context";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { listEntryInForce } from "../../queries/publicity";
import { getPolicy } from "../../settings";
import { tellFollowersOfListing } from "../notify/followers";
import { issueNotice } from "../notify/issue-notice";
import { markNoticeMessagesRead, serveNotice } from "../notify/notices";
import { tellSubject } from "../notify/outbox";
import { allowed, moveCase, nextCaseId, ownDepartment, ownSubject, recordCaseStep } from "./case-step";

export type ListProposalInput = {
  /** the subject, by its id or its USCC */
  subjectId?: number;
  uscc?: string;
  listId: number;
  facts: string;
  basis: string;
  /** the 文号 of the subject's penalties the listing rests on (required for a negative list) */
  basisDecisionNos?: string[];
  /** none: the list kind's default (settings) */
  validityMonths?: number;
  bannedField?: string;
};

type Ctx = ServiceContext;

/**
 * Whether `deptId` is the list's authority or competent for it, for a subject of that region (issue 20 N4): checked
 * on the proposal and again on publication, so that a competence taken back meanwhile publishes nothing.
 */
async function authorityProblem(
  tx: Tx,
  list: { id: number; name: string; ownerDeptId: number },
  deptId: number,
  subjectRegionCode: string | null,
): Promise<string | null> {
  const [dept] = await tx
    .select({ id: departments.id, regionCode: departments.regionCode })
    .from(departments)
    .where(eq(departments.id, deptId));
  if (!dept) return "部门不存在。";
  const competent = await tx
    .select({ deptId: creditListDepartments.deptId })
    .from(creditListDepartments)
    .where(eq(creditListDepartments.listId, list.id));
  return proposalAuthorityProblem({
    list,
    dept,
    competentDeptIds: competent.map((c) => c.deptId),
    subjectRegionCode,
  });
}

/**
 * DOMAIN §5: an operator proposes a listing. For a negative list the 告知 is recorded with it and the defence
 * period opens (working days: a setting); a red-list proposal waits for the decision alone. A subject already on
 * that list, or with a proposal for it still open, is refused.
 */
export async function proposeListing(
  ctx: Ctx,
  input: ListProposalInput,
): Promise<{ id: number; caseNo: string }> {
  const { db, actor, today } = ctx;
  if (!actor.roles.includes("operator") || actor.departmentId === null)
    throw new AppError("forbidden", "只有录入员可以提出列入名单的建议。");
  const deptId = actor.departmentId;
  const { statementPeriodWorkingDays, listValidityMonths } = await getPolicy();
  return db.transaction(async (tx) => {
    const [list] = await tx.select().from(creditLists).where(eq(creditLists.id, input.listId));
    if (!list) throw new AppError("invalid", "请选择名单。");
    // one proposal at a time per subject: two operators proposing together wait for each other here
    const [subject] = await tx
      .select({ id: subjects.id, name: subjects.name, regionCode: subjects.regionCode })
      .from(subjects)
      .where(
        input.subjectId !== undefined
          ? eq(subjects.id, input.subjectId)
          : eq(subjects.uscc, input.uscc ?? ""),
      )
      .for("update");
    if (!subject)
      throw new AppError(
        "invalid",
        input.uscc ? `未找到统一社会信用代码为 ${input.uscc} 的信用主体。` : "未找到该信用主体。",
      );
    const authority = await authorityProblem(tx, list, deptId, subject.regionCode);
    if (authority) throw new AppError("forbidden", authority);
    const cited = input.basisDecisionNos ?? [];
    const found = cited.length
      ? await tx
          .select({ id: penalties.id, decisionNo: penalties.decisionNo, status: penalties.status })
          .from(penalties)
          .where(and(eq(penalties.subjectId, subject.id), inArray(penalties.decisionNo, cited)))
      : [];
    const basisProblem = proposalBasisProblem(list.kind, cited, found);
    if (basisProblem) throw new AppError("invalid", basisProblem);
    if (list.kind === "market_ban" && !input.bannedField?.trim())
      throw new AppError("invalid", "市场禁入须填写禁入的行业或领域。");
    const [already] = await tx
      .select({ caseNo: listEntries.caseNo, status: listEntries.status })
      .from(listEntries)
      .where(
        and(
          eq(listEntries.listId, list.id),
          eq(listEntries.subjectId, subject.id),
          or(inArray(listEntries.status, ["case_opened", "notified"]), listEntryInForce(today)),
        ),
      )
      .limit(1);
    if (already)
      throw new AppError(
        "conflict",
        already.status === "published"
          ? `${subject.name}已在“${list.name}”中（${already.caseNo}），不能重复列入。`
          : `${subject.name}列入“${list.name}”的建议（${already.caseNo}）尚在办理中，不能重复提出。`,
      );
    const id = await nextCaseId(tx, "list_entries");
    const caseNo = caseNumber(CASE_PREFIX.list_entry, today, id);
    const state = listProposalState(list.kind);
    const notice = needsNotice(list.kind);
    // issue 22 §3: the defence period counts from the 告知's service, recorded when it is served
    const statementDeadline = null;
    await tx.insert(listEntries).values({
      id,
      listId: list.id,
      kind: list.kind,
      subjectId: subject.id,
      status: state,
      caseNo,
      deptId,
      basis: input.basis,
      basisPenaltyIds: found.map((p) => p.id),
      facts: input.facts,
      bannedField: list.kind === "market_ban" ? (input.bannedField?.trim() ?? null) : null,
      noticeDate: notice ? today : null,
      statementDeadline,
      validityMonths: input.validityMonths ?? listValidityMonths[list.kind],
      createdBy: actor.id,
    });
    const who = { actor, meta: ctx.meta };
    await recordCaseStep(tx, who, {
      ref: { listEntryId: id },
      from: null,
      to: "case_opened",
      note: `提出列入“${list.name}”的建议`,
      action: "list.propose",
      entityType: "list_entry",
      before: null,
      after: { state, caseNo, list: list.name, subjectId: subject.id, statementDeadline },
      history: { on: today, documentNo: caseNo },
    });
    if (notice) {
      await tx.insert(listEntryEvents).values({
        entryId: id,
        step: "notified",
        on: today,
        actorId: actor.id,
        documentNo: caseNo,
        note: `告知当事人拟列入的事实、依据及陈述申辩的权利，陈述申辩期自送达之日起 ${statementPeriodWorkingDays} 个工作日`,
      });
      const noticeId = await issueNotice(tx, {
        kind: "list_notice",
        caseType: "list_entry",
        caseId: id,
        caseNo,
        subjectId: subject.id,
        issuedOn: today,
        issuedBy: actor.id,
      });
      const [dept] = await tx
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, deptId));
      await tellSubject(tx, {
        subjectId: subject.id,
        event: `list:${id}:notified`,
        message: message("list_notice", {
          caseNo,
          listName: list.name,
          deptName: dept?.name ?? "认定部门",
          facts: input.facts,
          basis: input.basis,
          days: statementPeriodWorkingDays,
        }),
        href: `/business/lists/${id}`,
        noticeId,
      });
    }
    return { id, caseNo };
  });
}

/**
 * The business states its defence (陈述申辩) from its portal, once, before the deadline, with attachments. Having
 * spoken, the decision need not wait for the deadline (lib/workflows/list-decision).
 */
export async function submitStatement(
  ctx: Ctx,
  input: { id: number; statement: string },
  files: CheckedCaseFile[],
): Promise<void> {
  const { db, actor, meta, today } = ctx;
  await withCaseFiles(files, async (store) => {
    await db.transaction(async (tx) => {
      const e = await lockedEntry(tx, input.id, today);
      ownSubject(actor, e.row.subjectId);
      await moveCase(
        tx,
        { actor, meta },
        {
          machine: listDecisionMachine,
          current: e.case,
          event: "state",
          write: async (t) => {
            const moved = await tx
              .update(listEntries)
              .set({ statement: input.statement, statementOn: today, updatedAt: new Date() })
              .where(
                and(
                  eq(listEntries.id, e.row.id),
                  eq(listEntries.status, t.from),
                  isNull(listEntries.statement),
                ),
              )
              .returning({ id: listEntries.id });
            if (moved.length > 0 && files.length > 0)
              await tx
                .insert(caseFiles)
                .values(
                  (await store()).map((f) => ({ ...f, listEntryId: e.row.id, kind: "statement" as const })),
                );
            return moved.length > 0;
          },
          step: () => ({
            ref: { listEntryId: e.row.id },
            note: input.statement,
            action: "list.statement",
            entityType: "list_entry",
            before: null,
            after: { step: "statement_received", files: files.length },
            history: { step: "statement_received", on: today },
          }),
        },
      );
    });
    return { duplicate: false };
  });
}

/** A list entry read for a step, locked, as the list-decision machine sees it. */
async function lockedEntry(tx: Tx, id: number, today: IsoDate) {
  const [row] = await tx.select().from(listEntries).where(eq(listEntries.id, id)).for("update");
  if (!row) throw new AppError("not_found", "该事项不存在，或不在您的管辖范围内。");
  const [notice] = await tx
    .select({ id: notices.id, servedOn: notices.servedOn, issuedOn: notices.issuedOn })
    .from(notices)
    .where(and(eq(notices.kind, "list_notice"), eq(notices.caseType, "list_entry"), eq(notices.caseId, id)));
  const c: ListDecisionCase = {
    state: row.status,
    kind: row.kind,
    deptId: row.deptId,
    subjectId: row.subjectId,
    proposedBy: row.createdBy,
    servedOn: notice?.servedOn ?? null,
    statementDeadline: row.statementDeadline,
    statementReceived: row.statement !== null,
    today,
  };
  return { row, case: c, notice: notice ?? null };
}

export type ListDecisionInput = {
  id: number;
  event: ListDecisionEvent;
  expected?: string;
  /** 认定决定书文号 (publish) */
  decisionNo?: string;
  note?: string;
  /** 移出: why */
  reason?: Exclude<RemovalReason, "expired">;
};

/**
 * A reviewer of the department, never the proposer, decides 认定并公布 / 不予认定 once the defence is over, or
 * takes a published entry off early (移出) on repair or revocation. Each with its reasons, in one transaction with
 * its history and audit row; a form read in another state changes nothing.
 */
export async function decideListing(ctx: Ctx, input: ListDecisionInput): Promise<void> {
  const { db, actor, meta, today } = ctx;
  const note = input.note?.trim() || null;
  if (input.event === "state") throw new AppError("forbidden", "陈述申辩由企业在企业服务中提交。");
  const { listValidityMonths } = await getPolicy();
  await db.transaction(async (tx) => {
    const e = await lockedEntry(tx, input.id, today);
    ownDepartment(actor, e.row.deptId);
    // the machine first (who, which state, the defence period), then what the step needs written down
    allowed(listDecisionMachine, e.case, input.event, actor, input.expected);
    const missing = missingReason(listDecisionMachine, input.event, note);
    if (missing) throw new AppError("invalid", missing);
    if (input.event === "remove" && !input.reason) throw new AppError("invalid", "请选择移出原因。");
    if (input.event === "publish" && !input.decisionNo?.trim())
      throw new AppError("invalid", "请填写认定决定书文号。");
    if (input.event === "remove") {
      await removeListEntry(
        tx,
        { actor, meta, today },
        {
          entry: e,
          reason: input.reason ?? "revoked",
          note: note ?? "",
          expected: input.expected,
        },
      );
      return;
    }
    if (input.event === "publish") {
      const [list] = await tx.select().from(creditLists).where(eq(creditLists.id, e.row.listId));
      const [subject] = await tx
        .select({ regionCode: subjects.regionCode })
        .from(subjects)
        .where(eq(subjects.id, e.row.subjectId));
      const authority = list
        ? await authorityProblem(tx, list, e.row.deptId, subject?.regionCode ?? null)
        : "名单不存在。";
      if (authority) throw new AppError("forbidden", authority);
    }
    const decisionNo = input.event === "publish" ? (input.decisionNo?.trim() ?? null) : null;
    await moveCase(
      tx,
      { actor, meta },
      {
        machine: listDecisionMachine,
        current: e.case,
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const set =
            input.event === "publish"
              ? {
                  decisionDate: today,
                  decisionNo,
                  decisionReason: note,
                  decidedBy: actor.id,
                  publishedAt: new Date(),
                  ...validityOf(today, e.row.validityMonths ?? listValidityMonths[e.row.kind]),
                }
              : { decisionDate: today, decisionReason: note, decidedBy: actor.id };
          const moved = await tx
            .update(listEntries)
            .set({ ...set, status: t.next, updatedAt: new Date() })
            .where(and(eq(listEntries.id, e.row.id), eq(listEntries.status, t.from)))
            .returning({ id: listEntries.id });
          return moved.length > 0;
        },
        step: (t) => ({
          ref: { listEntryId: e.row.id },
          note,
          action: input.event === "publish" ? "list.publish" : "list.drop",
          entityType: "list_entry",
          after: { state: t.next, note: note ?? undefined },
          history: { on: today, documentNo: decisionNo },
        }),
      },
    );
    await tellListOutcome(tx, e.row.id, input.event === "publish" ? "published" : "dropped", note);
  });
}

/** Issue 22 §4: the subject learns of each decision on its listing. */
async function tellListOutcome(
  tx: Tx,
  id: number,
  outcome: "published" | "dropped" | "removed",
  note: string | null,
): Promise<void> {
  const [r] = await tx
    .select({
      subjectId: listEntries.subjectId,
      caseNo: listEntries.caseNo,
      listName: creditLists.name,
      deptName: departments.name,
      decisionDate: listEntries.decisionDate,
      removedOn: listEntries.removedOn,
      validUntil: listEntries.validUntil,
    })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(departments, eq(departments.id, listEntries.deptId))
    .where(eq(listEntries.id, id));
  if (!r) return;
  const common = { caseNo: r.caseNo, listName: r.listName, note: note ? `说明：${note}` : "" };
  const on = (outcome === "removed" ? r.removedOn : r.decisionDate) ?? "";
  const msg =
    outcome === "published"
      ? message("list_published", { ...common, deptName: r.deptName, on, validUntil: r.validUntil ?? "" })
      : outcome === "dropped"
        ? message("list_dropped", { ...common, deptName: r.deptName, on })
        : message("list_removed", { ...common, on });
  await tellSubject(tx, {
    subjectId: r.subjectId,
    event: `list:${id}:${outcome}`,
    message: msg,
    href: `/business/lists/${id}`,
  });
  if (outcome !== "dropped") await tellFollowersOfListing(tx, { id, change: outcome, on });
}

/**
 * Issue 22 §3: the company signs for its 告知 in the portal (签收); the time is its service, and the defence period
 * runs from that day. Signing again changes nothing.
 */
export async function acknowledgeListNotice(ctx: Ctx, input: { id: number }): Promise<void> {
  const { db, actor, meta, today } = ctx;
  const { statementPeriodWorkingDays: days } = await getPolicy();
  await db.transaction(async (tx) => {
    const e = await lockedEntry(tx, input.id, today);
    ownSubject(actor, e.row.subjectId);
    if (!e.notice || e.notice.servedOn) return;
    const at = new Date();
    await serveNotice(
      tx,
      { actor, meta },
      {
        noticeId: e.notice.id,
        method: "portal",
        at,
        on: today,
        days,
        note: `企业账号 ${actor.username} 在企业服务中签收。`,
      },
    );
    await markNoticeMessagesRead(tx, actor.id, e.notice.id, at);
  });
}

/**
 * 移出: a published entry leaves its list through the list-decision machine, whoever causes it — the reviewer on the
 * list page, an approved repair or an objection's 撤销 (in their own transaction) — with its reason, its history
 * and its audit row; an entry already off the list refuses, so nothing is removed twice.
 */
export async function removeListEntry(
  tx: Tx,
  who: Pick<Ctx, "actor" | "meta" | "today">,
  o: {
    entry: number | Awaited<ReturnType<typeof lockedEntry>>;
    reason: Exclude<RemovalReason, "expired">;
    note: string;
    /** the repair or objection case that causes it */
    documentNo?: string;
    expected?: string;
    /** an objection's 撤销 also ends the entry's 核实中 */
    endVerification?: boolean;
  },
): Promise<void> {
  const e = typeof o.entry === "number" ? await lockedEntry(tx, o.entry, who.today) : o.entry;
  await describeChanges(tx, {
    channel: "console",
    basis: REMOVAL_REASON_LABELS[o.reason],
    caseNo: o.documentNo ?? null,
  });
  await moveCase(tx, who, {
    machine: listDecisionMachine,
    current: e.case,
    event: "remove",
    expected: o.expected,
    write: async (t) => {
      const moved = await tx
        .update(listEntries)
        .set({
          status: t.next,
          removedOn: who.today,
          removalReason: o.reason,
          removalNote: o.note,
          ...(o.endVerification ? { underVerification: false } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(listEntries.id, e.row.id), eq(listEntries.status, t.from)))
        .returning({ id: listEntries.id });
      return moved.length > 0;
    },
    step: (t) => ({
      ref: { listEntryId: e.row.id },
      note: o.note,
      action: "list.remove",
      entityType: "list_entry",
      after: { state: t.next, note: o.note, reason: o.reason, by: o.documentNo },
      history: { on: who.today, documentNo: o.documentNo ?? null },
    }),
  });
  await tellListOutcome(tx, e.row.id, "removed", o.note);
}
