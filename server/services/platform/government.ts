import "server-only";
import { and, eq } from "drizzle-orm";
import { govCommitments, govDishonesty, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { type GovCommitmentState, type GovDishonestyKind, govRecordProblem } from "@/lib/platform/government";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";

async function governmentBody(
  ctx: ServiceContext,
  uscc: string,
  r: { decidedOn: IsoDate; settledOn?: IsoDate | null },
) {
  const [s] = await ctx.db
    .select({ id: subjects.id, kind: subjects.kind })
    .from(subjects)
    .where(eq(subjects.uscc, uscc));
  if (!s) throw new AppError("not_found", `本平台没有统一社会信用代码为 ${uscc} 的机关或事业单位。`);
  const problem = govRecordProblem(s.kind, r, ctx.today);
  if (problem) throw new AppError("invalid", problem);
  return s.id;
}

const actorDept = (ctx: ServiceContext) => {
  if (ctx.actor.departmentId === null)
    throw new AppError("forbidden", "只有部门工作人员可以录入政务诚信信息。");
  return ctx.actor.departmentId;
};

export type GovCommitmentInput = {
  uscc: string;
  title: string;
  content: string;
  counterparty: string;
  madeOn: IsoDate;
  dueOn: IsoDate | null;
};

/** 政务承诺 (issue 23 §6): what an organ promised the public, published with its 履约 status from the start. */
export async function recordGovCommitment(ctx: ServiceContext, input: GovCommitmentInput): Promise<number> {
  const deptId = actorDept(ctx);
  const subjectId = await governmentBody(ctx, input.uscc, { decidedOn: input.madeOn });
  if (input.dueOn && input.dueOn < input.madeOn) throw new AppError("invalid", "履约期限不能早于承诺日期。");
  return ctx.db.transaction(async (tx) => {
    const { uscc: _u, ...rest } = input;
    const [row] = await tx
      .insert(govCommitments)
      .values({ ...rest, subjectId, deptId, createdBy: ctx.actor.id })
      .returning({ id: govCommitments.id });
    if (!row) throw new Error("not saved");
    await auditBy(tx, ctx, {
      action: "gov.commitment",
      entityType: "gov_commitment",
      entityId: String(row.id),
      after: { subjectId, title: input.title, dueOn: input.dueOn },
    });
    return row.id;
  });
}

/** 履约认定: the department that recorded the promise finds it kept or broken, once, with its reason. */
export async function setGovCommitmentStatus(
  ctx: ServiceContext,
  input: { id: number; status: Exclude<GovCommitmentState, "in_progress">; note: string },
): Promise<void> {
  const deptId = actorDept(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(govCommitments)
      .set({ status: input.status, statusOn: ctx.today, statusNote: input.note })
      .where(
        and(
          eq(govCommitments.id, input.id),
          eq(govCommitments.deptId, deptId),
          eq(govCommitments.status, "in_progress"),
        ),
      )
      .returning({ id: govCommitments.id });
    if (!row) throw new AppError("conflict", "该承诺不存在、不是本部门录入的，或已认定履约情况。");
    await auditBy(tx, ctx, {
      action: "gov.commitment_status",
      entityType: "gov_commitment",
      entityId: String(input.id),
      after: { status: input.status, note: input.note },
    });
  });
}

export type GovDishonestyInput = {
  uscc: string;
  kind: GovDishonestyKind;
  description: string;
  amount: string | null;
  documentNo: string;
  decidedOn: IsoDate;
};

/** 政务失信 (issue 23 §6): 拖欠账款、失信被执行 and the like, on the public list until settled. */
export async function recordGovDishonesty(ctx: ServiceContext, input: GovDishonestyInput): Promise<number> {
  const deptId = actorDept(ctx);
  const subjectId = await governmentBody(ctx, input.uscc, { decidedOn: input.decidedOn });
  return ctx.db.transaction(async (tx) => {
    const { uscc: _u, ...rest } = input;
    const [row] = await tx
      .insert(govDishonesty)
      .values({ ...rest, subjectId, deptId, createdBy: ctx.actor.id })
      .returning({ id: govDishonesty.id });
    if (!row) throw new Error("not saved");
    await auditBy(tx, ctx, {
      action: "gov.dishonesty",
      entityType: "gov_dishonesty",
      entityId: String(row.id),
      after: { subjectId, kind: input.kind, documentNo: input.documentNo },
    });
    return row.id;
  });
}

/** 已履行 / 已清偿: the record leaves the public list and stays in the body's history. */
export async function settleGovDishonesty(ctx: ServiceContext, input: { id: number; settledOn: IsoDate }) {
  const deptId = actorDept(ctx);
  if (input.settledOn > ctx.today) throw new AppError("invalid", "履行日期不能晚于今天。");
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(govDishonesty)
      .where(and(eq(govDishonesty.id, input.id), eq(govDishonesty.deptId, deptId)))
      .for("update");
    if (!cur || cur.settledOn)
      throw new AppError("conflict", "该记录不存在、不是本部门录入的，或已标记履行。");
    if (input.settledOn < cur.decidedOn) throw new AppError("invalid", "履行日期不能早于认定日期。");
    await tx.update(govDishonesty).set({ settledOn: input.settledOn }).where(eq(govDishonesty.id, input.id));
    await auditBy(tx, ctx, {
      action: "gov.dishonesty_settled",
      entityType: "gov_dishonesty",
      entityId: String(input.id),
      after: { settledOn: input.settledOn },
    });
  });
}
