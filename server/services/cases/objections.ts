import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  caseEvents,
  caseFiles,
  licences,
  listEntries,
  listEntryEvents,
  objections,
  penalties,
} from "@/db/schema";
import { trackingSecretFromBytes } from "@/lib/access/activation-code";
import type { IsoDate } from "@/lib/calendar/dates";
import { CORRECTABLE, correctionOf } from "@/lib/records/correction";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { dueOn } from "@/lib/workflows/deadlines";
import { missingReason } from "@/lib/workflows/machine";
import {
  contactKey,
  OBJECTION_INITIAL,
  OBJECTION_OPEN,
  type ObjectionEvent,
  type ObjectionTarget,
  objectionMachine,
} from "@/lib/workflows/objection";
import { describeChanges } from "@/server/services/records/change-context";
import { auditBy, logAudit } from "../../audit";
import { getCalendar } from "../../calendar";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { RequestMeta, ServiceContext } from "../../context";
import { hashTrackingSecret, trackingSecretMatches } from "../../credentials/tracking-secret";
import { AppError } from "../../errors";
import { loadObjectionRecord } from "../../queries/objections";
import { getPolicy } from "../../settings";
import { moveCase, nextCaseId, ownDepartment, recordCaseStep } from "./case-step";
import { removeListEntry } from "./list-decisions";

/** Who the public is in a case's history and the audit log: no account, the name they gave. */
const objector = (name: string) => ({ id: null, username: `异议人：${name}`.slice(0, 64) });

export type ObjectionInput = {
  targetType: ObjectionTarget;
  targetId: number;
  name: string;
  contact: string;
  reason: string;
  submissionKey: string;
};

export type ObjectionReceipt =
  | { kind: "new"; caseNo: string; secret: string; answerDueOn: IsoDate }
  /** the same form sent twice */
  | { kind: "duplicate"; caseNo: string };

/**
 * Anyone objects to a displayed record (DOMAIN §8, 2020 plan §15), without an account: a case number and a secret
 * come back, the secret stored only as its hash. Every objection is a case of its own (issue 20 N9): a contact is
 * no proof of identity, so another objection from the same phone never reveals or joins an existing case — the
 * objector adds to theirs with its secret (supplementObjection). Rate limit and proof-of-work are checked by the
 * caller before this runs.
 */
export async function submitObjection(
  { db, meta, today }: { db: Db; meta: RequestMeta; today: IsoDate },
  input: ObjectionInput,
  files: CheckedCaseFile[],
): Promise<ObjectionReceipt> {
  const who = { actor: objector(input.name), meta, today };
  return withCaseFiles(files, async (store) => {
    const [{ objectionAnswerWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
    const key = contactKey(input.contact);
    const outcome = await db.transaction(async (tx) => {
      const [again] = await tx
        .select({ caseNo: objections.caseNo })
        .from(objections)
        .where(eq(objections.submissionKey, input.submissionKey));
      if (again) return { kind: "duplicate" as const, caseNo: again.caseNo, duplicate: true };
      const record = await loadObjectionRecord(tx, input.targetType, input.targetId, today);
      if (!record?.isPublic) return null;
      const id = await nextCaseId(tx, "objections");
      const caseNo = caseNumber(CASE_PREFIX.objection, today, id);
      const secret = trackingSecretFromBytes(randomBytes(12));
      const answerDueOn = dueOn(cal, today, objectionAnswerWorkingDays);
      await tx.insert(objections).values({
        id,
        caseNo,
        targetType: input.targetType,
        targetId: input.targetId,
        subjectId: record.subjectId,
        deptId: record.deptId,
        objectorName: input.name,
        contact: input.contact,
        contactKey: key,
        reason: input.reason,
        secretHash: hashTrackingSecret(secret),
        submissionKey: input.submissionKey,
        recordEnteredBy: record.enteredBy,
        status: OBJECTION_INITIAL,
        submittedOn: today,
        answerDueOn,
      });
      if (files.length > 0)
        await tx
          .insert(caseFiles)
          .values((await store()).map((f) => ({ ...f, objectionId: id, kind: "evidence" as const })));
      await recordCaseStep(tx, who, {
        ref: { kind: "objections", id: id },
        from: null,
        to: OBJECTION_INITIAL,
        action: "objection.submit",
        entityType: "objection",
        after: {
          state: OBJECTION_INITIAL,
          caseNo,
          target: `${input.targetType}:${input.targetId}`,
          files: files.length,
        },
      });
      return { kind: "new" as const, caseNo, secret, answerDueOn, duplicate: false };
    });
    if (outcome === null) {
      await db.transaction((tx) =>
        logAudit(tx, {
          action: "objection.refused",
          actorName: who.actor.username,
          entityType: input.targetType,
          entityId: String(input.targetId),
          outcome: "denied",
          ip: meta.ip,
          userAgent: meta.userAgent,
        }),
      );
      throw new AppError(
        "invalid",
        "该记录目前未在本网站公示（可能已撤销、已修复或公示期已满），无需提出异议；如有疑问请联系作出决定的部门。",
      );
    }
    return outcome;
  });
}

/** The one answer for an unknown case number and a wrong secret, as on the tracking page. */
export const NO_SUCH_OBJECTION = "未找到与该案号和查询码相符的异议，请核对后重新输入。";

/**
 * Issue 20 N9: the objector adds reasons and evidence to their open case — with its number and its secret, never
 * by knowing the contact. An unknown number and a wrong secret get the same answer; a closed case takes nothing.
 */
export async function supplementObjection(
  { db, meta }: { db: Db; meta: RequestMeta },
  input: { caseNo: string; secretHash: string; text: string },
  files: CheckedCaseFile[],
): Promise<{ caseNo: string }> {
  return withCaseFiles(files, (store) =>
    db.transaction(async (tx) => {
      const [c] = await tx.select().from(objections).where(eq(objections.caseNo, input.caseNo)).for("update");
      if (!c || !trackingSecretMatches(c.secretHash, input.secretHash))
        throw new AppError("not_found", NO_SUCH_OBJECTION);
      if (!OBJECTION_OPEN.includes(c.status))
        throw new AppError("conflict", "该异议已办结，不能再补充材料；如对答复有异议，请联系办理部门。");
      await tx.insert(caseEvents).values({
        objectionId: c.id,
        fromStatus: null,
        toStatus: "joined",
        note: `异议人补充：${input.text}`,
      });
      if (files.length > 0)
        await tx
          .insert(caseFiles)
          .values((await store()).map((f) => ({ ...f, objectionId: c.id, kind: "evidence" as const })));
      await logAudit(tx, {
        action: "objection.join",
        actorName: objector(c.objectorName).username,
        entityType: "objection",
        entityId: String(c.id),
        after: { caseNo: c.caseNo, files: files.length },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return { caseNo: c.caseNo, duplicate: false };
    }),
  );
}

const TABLE = { penalty: penalties, licence: licences, list_entry: listEntries } as const;

/** 核实中 on the record while any objection to it is being verified (DOMAIN §8, 2020 plan §32). */
async function markVerifying(
  tx: Tx,
  c: { id: number; targetType: ObjectionTarget; targetId: number },
  on: boolean,
) {
  if (!on) {
    // another objection to the same record still being verified keeps the mark
    const [other] = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(
        and(
          eq(objections.targetType, c.targetType),
          eq(objections.targetId, c.targetId),
          eq(objections.status, "verifying"),
          ne(objections.id, c.id),
        ),
      )
      .limit(1);
    if (other) return;
  }
  const t = TABLE[c.targetType];
  await tx
    .update(t)
    .set({ underVerification: on, updatedAt: new Date() } as never)
    .where(eq(t.id, c.targetId));
}

export type DecideObjectionInput = {
  id: number;
  event: ObjectionEvent;
  expected?: string;
  note?: string;
  /** 更正: the proposed values of the correctable fields */
  correction?: Record<string, string | undefined>;
};

/**
 * 核实 → 更正 / 撤销 / 维持 (DOMAIN §8), by a reviewer of the record's department who did not enter it. Each answer
 * changes the record in the same transaction as the case, and the record's own change is audited as such: 更正
 * writes the corrected fields, 撤销 withdraws the record from every public page, 维持 keeps it, with the reason.
 */
export async function decideObjection(
  { db, actor, meta, today }: ServiceContext,
  input: DecideObjectionInput,
): Promise<void> {
  const note = input.note?.trim() || null;
  const missing = missingReason(objectionMachine, input.event, note);
  if (missing) throw new AppError("invalid", missing);
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(objections).where(eq(objections.id, input.id));
    if (!c) throw new AppError("not_found", "该异议不存在，或不在您的管辖范围内。");
    ownDepartment(actor, c.deptId);
    const target = c.targetType as ObjectionTarget;
    // a correction or withdrawal is shown on the record as the objection's (issue 25 §2)
    await describeChanges(tx, { channel: "console", basis: "异议核实", caseNo: c.caseNo });
    let summary: string | null = null;
    await moveCase(
      tx,
      { actor, meta, today },
      {
        machine: objectionMachine,
        current: { state: c.status, deptId: c.deptId, recordEnteredBy: c.recordEnteredBy },
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const closing = objectionMachine.final.includes(t.next);
          if (input.event === "correct")
            summary = await correctRecord(tx, c, target, input.correction ?? {}, today, { actor, meta });
          const moved = await tx
            .update(objections)
            .set({
              status: t.next,
              handlerId: actor.id,
              updatedAt: new Date(),
              ...(t.next === "verifying" ? { verifyingOn: today } : {}),
              ...(closing ? { closedOn: today, outcomeReason: note, correction: summary } : {}),
            })
            .where(and(eq(objections.id, c.id), eq(objections.status, t.from)))
            .returning({ id: objections.id });
          if (moved.length === 0) return false;
          if (input.event === "revoke")
            await withdrawRecord(tx, c, target, note ?? "", today, { actor, meta });
          await markVerifying(
            tx,
            { id: c.id, targetType: target, targetId: c.targetId },
            t.next === "verifying",
          );
          if (target === "list_entry" && (t.next === "verifying" || input.event !== "revoke"))
            await tx.insert(listEntryEvents).values({
              entryId: c.targetId,
              step: t.next === "verifying" ? "verification_started" : "verification_ended",
              on: today,
              actorId: actor.id,
              documentNo: c.caseNo,
              note: t.next === "verifying" ? "异议核实中" : `异议办结：${objectionMachine.labels[t.next]}`,
            });
          return true;
        },
        step: (t) => ({
          ref: { kind: "objections", id: c.id },
          note: summary ? `${summary}${note ? `。${note}` : ""}` : note,
          action: `objection.${input.event}`,
          entityType: "objection",
          after: {
            state: t.next,
            caseNo: c.caseNo,
            target: `${c.targetType}:${c.targetId}`,
            note: note ?? undefined,
          },
        }),
      },
    );
  });
}

type Who = { actor: ServiceContext["actor"]; meta: RequestMeta };

async function correctRecord(
  tx: Tx,
  c: { caseNo: string; targetId: number },
  target: ObjectionTarget,
  proposed: Record<string, string | undefined>,
  today: IsoDate,
  { actor, meta }: Who,
): Promise<string> {
  const record = await loadObjectionRecord(tx, target, c.targetId, today);
  if (!record) throw new AppError("not_found", "异议所指的记录已不存在。");
  const allowed = Object.fromEntries(CORRECTABLE[target].map((f) => [f.name, proposed[f.name]]));
  const r = correctionOf(target, record.values, allowed, record.effectiveFrom);
  if (!r.ok) throw new AppError("invalid", [r.message, ...Object.values(r.errors)].join(" "));
  const t = TABLE[target];
  const [after] = await tx
    .update(t)
    .set({
      ...r.changes,
      updatedAt: new Date(),
      ...(target === "list_entry" ? {} : { updatedBy: actor.id }),
    } as never)
    .where(eq(t.id, c.targetId))
    .returning();
  const before = Object.fromEntries(Object.keys(r.changes).map((k) => [k, record.values[k]]));
  await auditBy(
    tx,
    { actor, meta },
    {
      action: "record.update",
      entityType: target,
      entityId: String(c.targetId),
      before,
      after: {
        ...Object.fromEntries(Object.keys(r.changes).map((k) => [k, (after as Record<string, unknown>)[k]])),
        objection: c.caseNo,
      },
    },
  );
  return `更正：${r.summary}`;
}

async function withdrawRecord(
  tx: Tx,
  c: { caseNo: string; targetId: number },
  target: ObjectionTarget,
  reason: string,
  today: IsoDate,
  { actor, meta }: Who,
) {
  const why = `异议核实后撤销（${c.caseNo}）：${reason}`;
  if (target === "list_entry") {
    // the entry leaves its list through the list-decision machine, which writes its history and audit row
    await removeListEntry(
      tx,
      { actor, meta, today },
      {
        entry: c.targetId,
        reason: "revoked",
        note: why,
        documentNo: c.caseNo,
        endVerification: true,
      },
    );
    return;
  } else {
    const t = TABLE[target];
    await tx
      .update(t)
      .set({ status: "withdrawn", withdrawnReason: why, updatedBy: actor.id, updatedAt: new Date() } as never)
      .where(eq(t.id, c.targetId));
  }
  await auditBy(
    tx,
    { actor, meta },
    {
      action: "record.withdraw",
      entityType: target,
      entityId: String(c.targetId),
      after: { withdrawnReason: why },
    },
  );
}
