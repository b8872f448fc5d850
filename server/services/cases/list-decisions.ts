import "server-only";
import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  caseFiles,
  creditListDepartments,
  creditLists,
  departments,
  listEntries,
  listEntryEvents,
  subjects,
} from "@/db/schema";
import { dueOn } from "@/lib/workflows/deadlines";
import {
  type ListDecisionCase,
  type ListDecisionEvent,
  type ListDecisionState,
  listDecisionMachine,
  listProposalState,
  needsNotice,
  proposalAuthorityProblem,
  type RemovalReason,
  validityOf,
} from "@/lib/workflows/list-decision";
import { type AuditAction, logAudit } from "../../audit";
import { getCalendar } from "../../calendar";
import { keepingFilesOnlyIfNew, type StoredCaseFile } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { ACTED_FIRST, allowed, caseNumber, nextCaseId, ownDepartment, ownSubject } from "./case-step";

export type ListProposalInput = {
  /** the subject, by its id or its USCC */
  subjectId?: number;
  uscc?: string;
  listId: number;
  facts: string;
  basis: string;
  /** none: the list kind's default (settings) */
  validityMonths?: number;
  bannedField?: string;
};

type Ctx = ServiceContext;

async function step(
  tx: Tx,
  { actor, meta, today }: Pick<Ctx, "actor" | "meta" | "today">,
  entryId: number,
  s: {
    step: (typeof listEntryEvents.$inferInsert)["step"];
    action: AuditAction;
    documentNo?: string | null;
    note?: string | null;
    before?: unknown;
    after?: unknown;
  },
) {
  await tx.insert(listEntryEvents).values({
    entryId,
    step: s.step,
    on: today,
    actorId: actor.id,
    documentNo: s.documentNo ?? null,
    note: s.note ?? null,
  });
  await logAudit(tx, {
    action: s.action,
    actorId: actor.id,
    actorName: actor.username,
    entityType: "list_entry",
    entityId: String(entryId),
    before: s.before ?? null,
    after: s.after ?? { step: s.step, note: s.note ?? undefined },
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
}

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
  const [{ statementPeriodWorkingDays, listValidityMonths }, cal] = await Promise.all([
    getPolicy(),
    getCalendar(db),
  ]);
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
    if (list.kind === "market_ban" && !input.bannedField?.trim())
      throw new AppError("invalid", "市场禁入须填写禁入的行业或领域。");
    const [already] = await tx
      .select({ caseNo: listEntries.caseNo, status: listEntries.status })
      .from(listEntries)
      .where(
        and(
          eq(listEntries.listId, list.id),
          eq(listEntries.subjectId, subject.id),
          or(
            inArray(listEntries.status, ["case_opened", "notified", "decided"]),
            and(
              eq(listEntries.status, "published"),
              or(isNull(listEntries.validUntil), gte(listEntries.validUntil, today)),
            ),
          ),
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
    const caseNo = caseNumber("MD", today, id);
    const state = listProposalState(list.kind);
    const notice = needsNotice(list.kind);
    const statementDeadline = notice ? dueOn(cal, today, statementPeriodWorkingDays) : null;
    await tx.insert(listEntries).values({
      id,
      listId: list.id,
      kind: list.kind,
      subjectId: subject.id,
      status: state,
      caseNo,
      deptId,
      basis: input.basis,
      facts: input.facts,
      bannedField: list.kind === "market_ban" ? (input.bannedField?.trim() ?? null) : null,
      noticeDate: notice ? today : null,
      statementDeadline,
      validityMonths: input.validityMonths ?? listValidityMonths[list.kind],
      createdBy: actor.id,
    });
    await step(tx, ctx, id, {
      step: "case_opened",
      action: "list.propose",
      documentNo: caseNo,
      note: `提出列入“${list.name}”的建议`,
      after: { state, caseNo, list: list.name, subjectId: subject.id, statementDeadline },
    });
    if (notice)
      await tx.insert(listEntryEvents).values({
        entryId: id,
        step: "notified",
        on: today,
        actorId: actor.id,
        documentNo: caseNo,
        note: `告知当事人拟列入的事实、依据及陈述申辩的权利，陈述申辩期至 ${statementDeadline}`,
      });
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
  files: StoredCaseFile[],
): Promise<void> {
  const { db, actor, today } = ctx;
  await keepingFilesOnlyIfNew(files, async () => {
    await db.transaction(async (tx) => {
      const [e] = await tx.select().from(listEntries).where(eq(listEntries.id, input.id)).for("update");
      if (!e) throw new AppError("not_found", "该事项不存在，或不属于您的企业。");
      ownSubject(actor, e.subjectId);
      if (e.status !== "notified") throw new AppError("conflict", "该事项已作出决定，不再接受陈述申辩。");
      if (e.statement !== null) throw new AppError("conflict", "您已提交过陈述申辩，每件告知只能提交一次。");
      if (e.statementDeadline !== null && today > e.statementDeadline)
        throw new AppError("invalid", `陈述申辩期已于 ${e.statementDeadline} 届满，不能再提交。`);
      await tx
        .update(listEntries)
        .set({ statement: input.statement, statementOn: today, updatedAt: new Date() })
        .where(eq(listEntries.id, e.id));
      if (files.length > 0)
        await tx
          .insert(caseFiles)
          .values(files.map((f) => ({ ...f, listEntryId: e.id, kind: "statement" as const })));
      await step(tx, ctx, e.id, {
        step: "statement_received",
        action: "list.statement",
        note: input.statement,
        after: { files: files.length },
      });
    });
    return { duplicate: false };
  });
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
  const { db, actor, today } = ctx;
  const note = input.note?.trim() || null;
  if (input.event === "drop" && !note) throw new AppError("invalid", "请填写不予认定的理由。");
  if (input.event === "remove" && (!input.reason || !note))
    throw new AppError("invalid", "请选择移出原因并填写说明。");
  if (input.event === "publish" && !input.decisionNo?.trim())
    throw new AppError("invalid", "请填写认定决定书文号。");
  const { listValidityMonths } = await getPolicy();
  await db.transaction(async (tx) => {
    const [e] = await tx.select().from(listEntries).where(eq(listEntries.id, input.id)).for("update");
    if (!e) throw new AppError("not_found", "该事项不存在，或不在您的管辖范围内。");
    ownDepartment(actor, e.deptId);
    const c: ListDecisionCase = {
      state: e.status as ListDecisionState,
      kind: e.kind,
      deptId: e.deptId,
      proposedBy: e.createdBy,
      statementDeadline: e.statementDeadline,
      statementReceived: e.statement !== null,
      today,
    };
    const t = allowed(listDecisionMachine, c, input.event, actor, input.expected);
    if (input.event === "publish") {
      const [list] = await tx.select().from(creditLists).where(eq(creditLists.id, e.listId));
      const [subject] = await tx
        .select({ regionCode: subjects.regionCode })
        .from(subjects)
        .where(eq(subjects.id, e.subjectId));
      const authority = list
        ? await authorityProblem(tx, list, e.deptId, subject?.regionCode ?? null)
        : "名单不存在。";
      if (authority) throw new AppError("forbidden", authority);
    }
    const base = { status: t.next, updatedAt: new Date() } as const;
    const set =
      input.event === "publish"
        ? {
            ...base,
            decisionDate: today,
            decisionNo: input.decisionNo?.trim() ?? null,
            decisionReason: note,
            decidedBy: actor.id,
            publishedAt: new Date(),
            ...validityOf(today, e.validityMonths ?? listValidityMonths[e.kind]),
          }
        : input.event === "drop"
          ? { ...base, decisionDate: today, decisionReason: note, decidedBy: actor.id }
          : { ...base, removedOn: today, removalReason: input.reason ?? null, removalNote: note };
    const moved = await tx
      .update(listEntries)
      .set(set)
      .where(and(eq(listEntries.id, e.id), eq(listEntries.status, t.from)))
      .returning({ id: listEntries.id });
    if (moved.length === 0) throw new AppError("conflict", ACTED_FIRST);
    await step(tx, ctx, e.id, {
      step: input.event === "publish" ? "published" : input.event === "drop" ? "dropped" : "removed",
      action: `list.${input.event}`,
      documentNo: input.event === "publish" ? (input.decisionNo?.trim() ?? null) : null,
      note,
      before: { state: t.from },
      after: { state: t.next, note: note ?? undefined, reason: input.reason },
    });
  });
}
