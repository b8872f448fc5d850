import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditLists, jointChecks, listEntries, measures, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import {
  FEEDBACK_WORKING_DAYS,
  feedbackProblem,
  MATTER_KEYS,
  MATTERS,
  type Matter,
  measuresFor,
} from "@/lib/platform/measures";
import { maskPersonName } from "@/lib/subjects/masking";
import { checkUscc, normalizeUscc } from "@/lib/subjects/uscc";
import { dueOn } from "@/lib/workflows/deadlines";
import { logAudit } from "../../audit";
import { getCalendar } from "../../calendar";
import type { RequestMeta } from "../../context";
import { AppError } from "../../errors";
import { listEntryInForce } from "../../queries/publicity";
import type { DepartmentKey } from "../api-keys";

/** Who checks: a department, through its system's key or one of its officers in the console. */
export type Checker = {
  deptId: number;
  keyId: number | null;
  userId: number | null;
  name: string;
};
type CheckContext = { db: Db; by: Checker; meta: RequestMeta; today: IsoDate };

/** A department's officer checking in the console; an account of no department checks for none. */
export function officer(actor: { id: number; username: string; departmentId: number | null }): Checker {
  if (actor.departmentId === null) throw new AppError("forbidden", "只有部门工作人员可以进行联合奖惩核查。");
  return { deptId: actor.departmentId, keyId: null, userId: actor.id, name: actor.username };
}

/** A department's system checking with its key. */
export const system = (key: DepartmentKey): Checker => ({
  deptId: key.departmentId,
  keyId: key.keyId,
  userId: null,
  name: `接口：${key.label}`.slice(0, 64),
});

const checkNo = (on: IsoDate, id: number) => `LH${on.replaceAll("-", "")}${String(id).padStart(6, "0")}`;

async function refused(
  c: CheckContext,
  action: "check.refused" | "check.feedback_refused",
  id: string,
  reason: string,
) {
  await c.db.transaction((tx) =>
    logAudit(tx, {
      action,
      actorId: c.by.userId,
      actorName: c.by.name,
      entityType: "joint_check",
      entityId: id,
      outcome: "denied",
      after: { deptId: c.by.deptId, keyId: c.by.keyId, reason },
      ...c.meta,
    }),
  );
}

export type CheckResult = Awaited<ReturnType<typeof runJointCheck>>;

/**
 * 联合奖惩核查 (issue 23 §1): the measures of the catalogue that apply to the subject for the matter, from the lists
 * it is on today; an entry whose objection is 核实中 counts against nothing (lib measuresFor). The answer is kept
 * as given, with its feedback due in 10 working days.
 */
export async function runJointCheck(c: CheckContext, raw: { uscc: string; matter: string }) {
  const { db, by, today } = c;
  const code = checkUscc(normalizeUscc(raw.uscc));
  const problem = !code.valid
    ? code.reason
    : raw.matter in MATTERS
      ? null
      : `核查事项“${raw.matter}”不在措施清单的事项中，可选：${MATTER_KEYS.map((k) => `${k}（${MATTERS[k]}）`).join("、")}。`;
  if (problem) {
    await refused(c, "check.refused", raw.uscc.slice(0, 32), problem);
    throw new AppError("invalid", problem);
  }
  const input = { uscc: normalizeUscc(raw.uscc), matter: raw.matter as Matter };
  const [subject] = await db
    .select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc, kind: subjects.kind })
    .from(subjects)
    .where(eq(subjects.uscc, input.uscc));
  if (!subject) {
    const reason = `本平台没有统一社会信用代码为 ${input.uscc} 的主体，请核对代码；新设立的主体请以登记机关数据为准。`;
    await refused(c, "check.refused", input.uscc, reason);
    throw new AppError("not_found", reason);
  }
  const cal = await getCalendar(db);
  const [entries, catalogue] = await Promise.all([
    db
      .select({
        id: listEntries.id,
        kind: listEntries.kind,
        underVerification: listEntries.underVerification,
        listName: creditLists.name,
        decisionNo: listEntries.decisionNo,
        validUntil: listEntries.validUntil,
      })
      .from(listEntries)
      .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
      .where(and(eq(listEntries.subjectId, subject.id), listEntryInForce(today))),
    db.select().from(measures).where(eq(measures.matter, input.matter)),
  ]);
  const hits = measuresFor(input.matter, entries, catalogue);
  const feedbackDueOn = dueOn(cal, today, FEEDBACK_WORKING_DAYS);
  const saved = await db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: sql<string>`nextval(pg_get_serial_sequence('joint_checks', 'id'))` })
      .from(sql`(SELECT 1) AS one`);
    const id = Number(next?.id);
    const [row] = await tx
      .insert(jointChecks)
      .values({
        id,
        checkNo: checkNo(today, id),
        deptId: by.deptId,
        keyId: by.keyId,
        userId: by.userId,
        subjectId: subject.id,
        matter: input.matter,
        hits,
        hitCount: hits.length,
        checkedOn: today,
        feedbackDueOn,
      })
      .returning({ id: jointChecks.id, checkNo: jointChecks.checkNo });
    if (!row) throw new Error("joint check not saved");
    await logAudit(tx, {
      action: "check.run",
      actorId: by.userId,
      actorName: by.name,
      entityType: "joint_check",
      entityId: String(row.id),
      after: {
        checkNo: row.checkNo,
        subjectId: subject.id,
        matter: input.matter,
        hits: hits.length,
        keyId: by.keyId,
      },
      ...c.meta,
    });
    return row;
  });
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  const entryOf = new Map(entries.map((e) => [e.id, e]));
  return {
    checkId: saved.id,
    checkNo: saved.checkNo,
    checkedOn: today,
    feedbackDueOn,
    subject: {
      uscc: subject.uscc,
      name: subject.kind === "natural_person" ? maskPersonName(subject.name) : subject.name,
    },
    matter: { code: input.matter, name: MATTERS[input.matter] },
    /** entries under verification are named so the officer knows why they yield nothing */
    underVerification: entries.filter((e) => e.underVerification).map((e) => e.listName),
    measures: hits.map((h) => {
      const m = byId.get(h.measureId);
      const e = entryOf.get(h.entryId);
      return {
        measureId: h.measureId,
        code: m?.code ?? "",
        effect: m?.effect ?? "punishment",
        content: m?.content ?? "",
        legalBasis: m?.legalBasis ?? "",
        list: {
          kind: h.listKind,
          name: e?.listName ?? "",
          decisionNo: e?.decisionNo ?? null,
          validUntil: e?.validUntil ?? null,
        },
      };
    }),
  };
}

/**
 * 成效反馈 (issue 23 §1): the department that checked reports which of the returned measures it applied, once.
 * Someone else's check, a second report, or a measure the check did not return is refused and audited.
 */
export async function giveCheckFeedback(
  c: CheckContext,
  input: { checkId: number; applied: number[]; note: string },
): Promise<void> {
  const { db, by } = c;
  const outcome = await db.transaction(async (tx) => {
    const [check] = await tx
      .select()
      .from(jointChecks)
      .where(eq(jointChecks.id, input.checkId))
      .for("update");
    if (!check) return { status: "not_found" as const, reason: "核查编号不存在。" };
    const problem = feedbackProblem(check, by, input.applied, input.note);
    if (problem)
      return {
        status: check.deptId !== by.deptId ? ("forbidden" as const) : ("conflict" as const),
        reason: problem,
      };
    await tx
      .update(jointChecks)
      .set({ feedbackAt: new Date(), applied: input.applied, feedbackNote: input.note || null })
      .where(and(eq(jointChecks.id, check.id), isNull(jointChecks.feedbackAt)));
    await logAudit(tx, {
      action: "check.feedback",
      actorId: by.userId,
      actorName: by.name,
      entityType: "joint_check",
      entityId: String(check.id),
      after: { checkNo: check.checkNo, applied: input.applied, offered: check.hitCount },
      ...c.meta,
    });
    return null;
  });
  if (outcome) {
    await refused(c, "check.feedback_refused", String(input.checkId), outcome.reason);
    throw new AppError(outcome.status, outcome.reason);
  }
}
