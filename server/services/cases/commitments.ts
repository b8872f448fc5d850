import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { commitments, commitmentTemplates, departments, subjects } from "@/db/schema";
import {
  fillTemplate,
  missingFields,
  type TemplateField,
  templateEditProblem,
  templateProblems,
  templateScopeOf,
  templateScopesFor,
} from "@/lib/records/commitment-text";
import { breachPublicUntil, breachRepairableFrom } from "@/lib/records/repair-eligibility";
import {
  COMMITMENT_INITIAL,
  type CommitmentEvent,
  commitmentColumns,
  commitmentMachine,
  commitmentState,
} from "@/lib/workflows/commitment";
import { dueOn } from "@/lib/workflows/deadlines";
import { auditBy } from "../../audit";
import { getCalendar } from "../../calendar";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { ACTED_FIRST, moveCase, ownDepartment, recordCaseStep } from "./case-step";

export type CommitmentInput = {
  templateId: number;
  deptId: number;
  specifics: Record<string, string>;
  signerName: string;
  submissionKey: string;
};

/**
 * A business signs a commitment from the current version of a template (DOMAIN §6): the text it signed is
 * stored. A second submission of the same form (double click, second tab) finds the first and adds nothing.
 */
export async function submitCommitment(
  { db, actor, meta, today }: ServiceContext,
  input: CommitmentInput,
): Promise<{ id: number; duplicate: boolean }> {
  if (!actor.roles.includes("business") || actor.subjectId === null)
    throw new AppError("forbidden", "只有企业账号可以作出信用承诺。");
  const subjectId = actor.subjectId;
  const [template] = await db
    .select()
    .from(commitmentTemplates)
    .where(eq(commitmentTemplates.id, input.templateId));
  const [subject] = await db
    .select({ regionCode: subjects.regionCode })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  // another city's template is not this company's to sign (issue 20 N10)
  if (
    !template ||
    template.type === "repair" ||
    !templateScopesFor(subject?.regionCode ?? null).includes(template.scopeRegionCode)
  )
    throw new AppError("invalid", "所选承诺书模板不存在，请重新选择。");
  if (template.retiredAt)
    throw new AppError("conflict", "该承诺书模板已更新为新版本，请刷新页面后按新版本填写。");
  const missing = missingFields(template.fields, input.specifics);
  if (missing.length) throw new AppError("invalid", `请填写：${missing.join("、")}。`);
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, input.deptId));
  if (!dept) throw new AppError("invalid", "请选择受理部门。");
  const [{ commitmentReviewWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(commitments)
      .values({
        subjectId,
        type: template.type,
        templateId: template.id,
        deptId: input.deptId,
        title: template.title,
        content: fillTemplate(template.body, input.specifics),
        specifics: input.specifics,
        signerName: input.signerName,
        signedOn: today,
        submittedOn: today,
        reviewDueOn: dueOn(cal, today, commitmentReviewWorkingDays),
        submissionKey: input.submissionKey,
        ...commitmentColumns(COMMITMENT_INITIAL),
        createdBy: actor.id,
      })
      .onConflictDoNothing({ target: commitments.submissionKey })
      .returning({ id: commitments.id });
    if (!row) {
      const [first] = await tx
        .select({ id: commitments.id, subjectId: commitments.subjectId })
        .from(commitments)
        .where(eq(commitments.submissionKey, input.submissionKey));
      if (!first || first.subjectId !== subjectId) throw new AppError("conflict", "请刷新页面后重新填写。");
      return { id: first.id, duplicate: true };
    }
    await recordCaseStep(
      tx,
      { actor, meta, today },
      {
        ref: { kind: "commitments", id: row.id },
        from: null,
        to: COMMITMENT_INITIAL,
        action: "commitment.submit",
        entityType: "commitment",
        after: {
          state: COMMITMENT_INITIAL,
          templateId: template.id,
          version: template.version,
          deptId: input.deptId,
        },
      },
    );
    return { id: row.id, duplicate: false };
  });
}

/**
 * A reviewer of the receiving department approves or returns a commitment, then finds it 已履约 or 违诺
 * (DOMAIN §6). A 违诺 becomes a negative record with its own publicity dates. The update only lands if the
 * commitment is still in the state it was read in.
 */
export async function decideCommitment(
  { db, actor, meta, today }: ServiceContext,
  input: { id: number; event: CommitmentEvent; expected?: string; note?: string },
): Promise<void> {
  const note = input.note?.trim() || null;
  if ((input.event === "return" || input.event === "breach") && !note)
    throw new AppError(
      "invalid",
      input.event === "return" ? "请填写退回理由。" : "请填写违诺认定的事实和依据。",
    );
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(commitments).where(eq(commitments.id, input.id));
    if (!c || c.type === "repair") throw new AppError("not_found", "该承诺不存在，或不在您的管辖范围内。");
    ownDepartment(actor, c.deptId);
    const effect =
      input.event === "approve"
        ? { reviewedBy: actor.id, reviewedAt: new Date() }
        : input.event === "return"
          ? { reviewedBy: actor.id, reviewedAt: new Date(), returnReason: note }
          : input.event === "fulfil"
            ? { fulfilledOn: today, findingBy: actor.id }
            : {
                breachedOn: today,
                breachFinding: note,
                breachPublicUntil: breachPublicUntil(today),
                breachRepairableFrom: breachRepairableFrom(today),
                findingBy: actor.id,
              };
    await moveCase(
      tx,
      { actor, meta, today },
      {
        machine: commitmentMachine,
        current: { state: commitmentState(c), deptId: c.deptId },
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const was = commitmentColumns(t.from);
          const moved = await tx
            .update(commitments)
            .set({ ...commitmentColumns(t.next), ...effect, updatedAt: new Date() })
            .where(
              and(
                eq(commitments.id, c.id),
                eq(commitments.status, was.status),
                eq(commitments.fulfilment, was.fulfilment),
              ),
            )
            .returning({ id: commitments.id });
          return moved.length > 0;
        },
        step: () => ({
          ref: { kind: "commitments", id: c.id },
          note,
          action: `commitment.${input.event}`,
          entityType: "commitment",
        }),
      },
    );
  });
}

/**
 * Reviewers keep the templates (issue 11 §2). A change never edits a version: it retires the current one and
 * adds the next, so what was signed keeps its text. A new template starts its own series.
 */
export async function saveCommitmentTemplate(
  { db, actor, meta }: ServiceContext,
  input: {
    seriesId?: number;
    type: (typeof commitmentTemplates.type.enumValues)[number];
    title: string;
    body: string;
    fields: TemplateField[];
  },
): Promise<{ id: number; version: number }> {
  const problem = templateProblems(input.body, input.fields);
  if (problem) throw new AppError("invalid", problem);
  return db.transaction(async (tx) => {
    let version = 1;
    let before: unknown = null;
    // a new template is the reviewer's own region's; a new version keeps its series' scope (issue 20 N10)
    let scopeRegionCode = templateScopeOf(actor.regionCode);
    if (input.seriesId !== undefined) {
      const [current] = await tx
        .select()
        .from(commitmentTemplates)
        .where(and(eq(commitmentTemplates.seriesId, input.seriesId), isNull(commitmentTemplates.retiredAt)))
        .for("update");
      if (!current) throw new AppError("not_found", "该模板不存在或已停用。");
      scopeRegionCode = current.scopeRegionCode;
      const owner = templateEditProblem(actor, current);
      if (owner) throw new AppError("forbidden", owner);
      const retired = await tx
        .update(commitmentTemplates)
        .set({ retiredAt: new Date() })
        .where(and(eq(commitmentTemplates.id, current.id), isNull(commitmentTemplates.retiredAt)))
        .returning({ id: commitmentTemplates.id });
      if (retired.length === 0) throw new AppError("conflict", ACTED_FIRST);
      version = current.version + 1;
      before = { id: current.id, version: current.version, title: current.title, body: current.body };
    }
    const allowed = templateEditProblem(actor, { type: input.type, scopeRegionCode });
    if (allowed) throw new AppError("forbidden", allowed);
    const [row] = await tx
      .insert(commitmentTemplates)
      .values({ ...input, seriesId: input.seriesId ?? null, version, scopeRegionCode, createdBy: actor.id })
      .returning({ id: commitmentTemplates.id });
    if (!row) throw new Error("template insert returned nothing");
    if (input.seriesId === undefined)
      await tx
        .update(commitmentTemplates)
        .set({ seriesId: row.id })
        .where(eq(commitmentTemplates.id, row.id));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "commitment_template.save",
        entityType: "commitment_template",
        entityId: String(row.id),
        before,
        after: {
          version,
          type: input.type,
          title: input.title,
          body: input.body,
          fields: input.fields,
          scopeRegionCode,
        },
      },
    );
    return { id: row.id, version };
  });
}
