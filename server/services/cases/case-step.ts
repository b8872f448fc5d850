import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseEvents, listEntryEvents } from "@/db/schema";
import { chinaDate, type IsoDate } from "@/lib/calendar/dates";
import { CASE_KIND, type CaseKind, type CaseKindSpec } from "@/lib/workflows/kinds";
import type { ListHistoryStep } from "@/lib/workflows/list-decision";
import { type Machine, type Transition, transition, type WorkflowActor } from "@/lib/workflows/machine";
import { type AuditAction, auditBy } from "../../audit";
import type { RequestMeta } from "../../context";
import { AppError } from "../../errors";
import { tellCaseStep } from "../notify/case-messages";

/** Which case a step belongs to: a registered kind (lib/workflows/kinds), a list entry, or a name review. */
export type CaseRef =
  | { kind: CaseKind; id: number }
  | { listEntryId: number }
  /** a name review's history is its audit rows */
  | { nameReviewId: number };

/**
 * The machine's verdict as the use case acts on it (README "Workflows"): a form read in another state (a stale
 * tab, or another reviewer was quicker) and a refused step are each a Chinese message, nothing written.
 */
export function allowed<S extends string, E extends string, C extends { state: S }>(
  m: Machine<S, E, C>,
  c: C,
  event: E,
  actor: WorkflowActor,
  expected?: string,
): Extract<Transition<S>, { ok: true }> {
  if (expected !== undefined && expected !== c.state)
    throw new AppError(
      "conflict",
      `该事项已有新的进展（当前状态：${m.labels[c.state]}），请刷新页面后查看。`,
    );
  const t = transition(m, c, event, actor, new Date());
  // not you: forbidden; not in this state, or not now (a deadline, a step already taken): conflict
  if (!t.ok) throw new AppError(t.code === "actor" ? "forbidden" : "conflict", t.refused);
  return t;
}

/** The update found the case no longer in the state it was read in: someone acted first. */
export const ACTED_FIRST = "该事项刚被他人处理，请刷新页面后查看。";

type Who = { actor: WorkflowActor & { id: number; username: string }; meta: RequestMeta; today?: IsoDate };
type Step = Omit<Parameters<typeof recordCaseStep>[2], "from" | "to">;

/**
 * One step of a case, the same for every kind (README "Workflows"): the machine judges it, `write` changes the
 * row only if it is still in the state read (UPDATE … WHERE state = from; false when someone acted first), and
 * the step goes into the case's history and the audit log, all in the caller's transaction.
 */
export async function moveCase<S extends string, E extends string, C extends { state: S }>(
  tx: Tx,
  who: Who,
  o: {
    machine: Machine<S, E, C>;
    current: C;
    event: E;
    expected?: string;
    write: (t: { from: S; next: S }) => Promise<boolean>;
    step: (t: { from: S; next: S }) => Step;
  },
): Promise<{ from: S; next: S }> {
  const t = allowed(o.machine, o.current, o.event, who.actor, o.expected);
  if (!(await o.write(t))) throw new AppError("conflict", ACTED_FIRST);
  await recordCaseStep(tx, who, { ...o.step(t), from: t.from, to: t.next });
  return t;
}

/**
 * One step of a case, written twice in the caller's transaction: in the case's own history (what the applicant
 * and the reviewer read) and in the audit log (DOMAIN §7 "every transition is in the audit log").
 */
export async function recordCaseStep(
  tx: Tx,
  /** id null: a member of the public (an objector has no account) */
  /** `today`: the step's day, as the messages it sends name it (default: today in China) */
  who: { actor: { id: number | null; username: string }; meta: RequestMeta; today?: IsoDate },
  step: {
    ref: CaseRef;
    from: string | null;
    to: string;
    note?: string | null;
    action: AuditAction;
    entityType: CaseKindSpec["entityType"] | "list_entry" | "subject";
    /** the audited object when it is not the case itself (a name review is audited on its subject) */
    entityId?: string;
    before?: unknown;
    after?: unknown;
    /** a list entry's history: its step (default: the state reached), day and document number */
    history?: { step?: ListHistoryStep; on: IsoDate; documentNo?: string | null };
  },
): Promise<void> {
  if ("listEntryId" in step.ref) {
    if (!step.history) throw new Error("a list entry's step needs its day");
    await tx.insert(listEntryEvents).values({
      entryId: step.ref.listEntryId,
      step: step.history.step ?? (step.to as ListHistoryStep),
      on: step.history.on,
      actorId: who.actor.id,
      documentNo: step.history.documentNo ?? null,
      note: step.note ?? null,
    });
  } else if ("kind" in step.ref)
    await tx.insert(caseEvents).values({
      [CASE_KIND[step.ref.kind].historyKey]: step.ref.id,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: who.actor.id,
      note: step.note ?? null,
    });
  // issue 22 §4: whoever must learn of the step is told in its transaction
  if ("kind" in step.ref)
    await tellCaseStep(tx, {
      kind: step.ref.kind,
      id: step.ref.id,
      from: step.from,
      to: step.to,
      note: step.note ?? null,
      on: who.today ?? chinaDate(new Date()),
    });
  const id = "kind" in step.ref ? step.ref.id : (Object.values(step.ref)[0] as number);
  await auditBy(tx, who, {
    action: step.action,
    entityType: step.entityType,
    entityId: step.entityId ?? String(id),
    before: step.before ?? (step.from ? { state: step.from } : null),
    after: step.after ?? { state: step.to, note: step.note ?? undefined },
  });
}

/** A business account acts for its own subject only; anything else is answered as if it did not exist. */
export function ownSubject(actor: { roles: readonly string[]; subjectId: number | null }, subjectId: number) {
  if (!actor.roles.includes("business") || actor.subjectId === null || actor.subjectId !== subjectId)
    throw new AppError("not_found", "该事项不存在，或不属于您的企业。");
}

/** A reviewer reads and decides the cases of their own department; others are answered as not found. */
export function ownDepartment(actor: { departmentId: number | null }, deptId: number) {
  if (actor.departmentId === null || actor.departmentId !== deptId)
    throw new AppError("not_found", "该事项不存在，或不在您的管辖范围内。");
}

/** The id the next row of a case table will take, so its case number can be written with it. */
export async function nextCaseId(tx: Tx, table: string): Promise<number> {
  const [row] = await tx
    .select({ id: sql<number>`nextval(pg_get_serial_sequence(${table}, 'id'))::int` })
    .from(sql`(VALUES (1)) AS one (x)`);
  if (!row) throw new Error(`no id from the sequence of ${table}`);
  return Number(row.id);
}
