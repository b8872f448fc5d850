import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { activationCodes, businessRegistrations, subjects, userRoles, users } from "@/db/schema";
import {
  ACTIVATION_CODE_DAYS,
  ACTIVATION_REFUSED,
  activationCodeFromBytes,
  activationCodeProblem,
  normalizeActivationCode,
  REGISTRATION_RECEIVED,
  REGISTRATION_VALID_DAYS,
  REGISTRATIONS_PER_SUBJECT,
  registrationOpen,
  TOO_MANY_WAITING,
} from "@/lib/access/activation-code";
import { afterThrottledAttempt, throttleLocked } from "@/lib/access/lockout";
import { checkPassword } from "@/lib/access/password-policy";
import { withinRegion } from "@/lib/subjects/regions";
import { type AuditEntry, auditBy, logAudit } from "../audit";
import type { RequestMeta, ServiceContext } from "../context";
import { hashPassword, verifyPassword } from "../credentials/password";
import { AppError } from "../errors";
import { createLimiter } from "../limiter";
import { activationScope, readThrottle, writeThrottle } from "./throttle";

const perAddress = createLimiter("business-accounts");
const hashCode = (code: string) => createHash("sha256").update(normalizeActivationCode(code)).digest("hex");

/** A refusal is a message to the person and a row in the audit log (issue 11 "Bad input"). */
async function refuse(
  db: Db,
  meta: RequestMeta,
  entry: Omit<AuditEntry, "ip" | "userAgent">,
  message: string,
) {
  await db.transaction((tx) => logAudit(tx, { ...entry, ...meta, outcome: "denied" }));
  return new AppError("invalid", message);
}

async function throttle(meta: RequestMeta) {
  const t = await perAddress(meta.ip, 10);
  if (!t.allowed) throw new AppError("too_many", `操作过于频繁，请 ${t.retryAfterSeconds} 秒后再试。`);
}

export type Registration = {
  uscc: string;
  name: string;
  contactName: string;
  phone: string;
  password: string;
};

/** A subject's registrations still waiting for their code (lib/access/activation-code registrationOpen). */
const waitingFor = (subjectId: number, now: Date) =>
  and(
    eq(businessRegistrations.subjectId, subjectId),
    eq(businessRegistrations.status, "pending"),
    gt(businessRegistrations.expiresAt, now),
  );

/**
 * Issue 11 §1, issue 20 N7: a company asks for a portal account with its USCC and registered name, which must
 * match a subject we hold. The request claims nothing: it waits 30 days for its holder to bring the code a
 * regulator of the subject's region issues after checking who they are, and a regulator may reject it. The answer
 * is the same whether or not the company already has an account.
 */
export async function registerBusiness(
  db: Db,
  meta: RequestMeta,
  r: Registration,
): Promise<{ message: string }> {
  await throttle(meta);
  const base = { action: "business.register" as const, actorName: r.uscc, entityType: "subject" };
  const [subject] = await db
    .select({ id: subjects.id, name: subjects.name, kind: subjects.kind })
    .from(subjects)
    .where(eq(subjects.uscc, r.uscc));
  if (!subject || subject.kind === "natural_person")
    throw await refuse(
      db,
      meta,
      { ...base, after: { reason: "unknown_uscc" } },
      "未找到该统一社会信用代码对应的市场主体，请核对后重新输入。",
    );
  if (subject.name !== r.name.trim())
    throw await refuse(
      db,
      meta,
      { ...base, entityId: String(subject.id), after: { reason: "name_mismatch" } },
      "企业名称与该统一社会信用代码的登记名称不一致，请按营业执照上的名称填写。",
    );
  const pw = checkPassword(r.password, { username: r.uscc });
  if (!pw.ok) throw new AppError("invalid", pw.message);
  const passwordHash = await hashPassword(r.password);
  const now = new Date();
  const kept = await db.transaction(async (tx) => {
    const [{ waiting } = { waiting: 0 }] = await tx
      .select({ waiting: count() })
      .from(businessRegistrations)
      .where(waitingFor(subject.id, now));
    if (waiting >= REGISTRATIONS_PER_SUBJECT) {
      await logAudit(tx, {
        ...base,
        entityId: String(subject.id),
        outcome: "denied",
        after: { reason: "too_many_waiting", waiting },
        ...meta,
      });
      // said as it is (it tells nothing about an account): a company flooded with registrations is never left
      // believing its own was filed
      return TOO_MANY_WAITING;
    }
    const [row] = await tx
      .insert(businessRegistrations)
      .values({
        subjectId: subject.id,
        contactName: r.contactName,
        phone: r.phone,
        passwordHash,
        expiresAt: new Date(now.getTime() + REGISTRATION_VALID_DAYS * 86_400_000),
      })
      .returning({ id: businessRegistrations.id });
    await logAudit(tx, {
      ...base,
      entityId: String(subject.id),
      after: { registrationId: row?.id, contactName: r.contactName, status: "pending" },
      ...meta,
    });
  });
  if (kept === TOO_MANY_WAITING) throw new AppError("conflict", TOO_MANY_WAITING);
  return { message: REGISTRATION_RECEIVED };
}

/** A regulator of the subject's region rejects a registration (a stranger's, say), with the reason, audited. */
export async function rejectRegistration(
  { db, actor, meta }: ServiceContext,
  input: { id: number; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [r] = await tx
      .select({
        id: businessRegistrations.id,
        status: businessRegistrations.status,
        expiresAt: businessRegistrations.expiresAt,
        subjectId: businessRegistrations.subjectId,
        regionCode: subjects.regionCode,
      })
      .from(businessRegistrations)
      .innerJoin(subjects, eq(subjects.id, businessRegistrations.subjectId))
      .where(eq(businessRegistrations.id, input.id))
      .for("update", { of: businessRegistrations });
    if (!r || !withinRegion(actor.regionCode, r.regionCode))
      throw new AppError("not_found", "该注册申请不存在，或不在您所在地区的管辖范围内。");
    if (!registrationOpen(r, new Date()))
      throw new AppError("conflict", "该注册申请已激活、已驳回或已失效。");
    await tx
      .update(businessRegistrations)
      .set({
        status: "rejected",
        reason: input.reason,
        decidedBy: actor.id,
        decidedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(businessRegistrations.id, r.id));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "business.registration_reject",
        entityType: "subject",
        entityId: String(r.subjectId),
        after: { registrationId: r.id, reason: input.reason },
      },
    );
  });
}

/**
 * A regulator of the subject's region issues a one-time activation code (issue 11 §1): shown once, valid 7 days,
 * audited without the code; issuing a new one revokes the older unused codes.
 */
export async function issueActivationCode(
  { db, actor, meta }: ServiceContext,
  { subjectId, now = new Date() }: { subjectId: number; now?: Date },
): Promise<{ code: string; expiresAt: Date }> {
  const [subject] = await db
    .select({ id: subjects.id, regionCode: subjects.regionCode, kind: subjects.kind })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  if (!subject || subject.kind === "natural_person" || !withinRegion(actor.regionCode, subject.regionCode))
    throw new AppError("not_found", "该主体不存在，或不在您所在地区的管辖范围内。");
  const code = activationCodeFromBytes(randomBytes(8));
  const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    await tx
      .update(activationCodes)
      .set({ revokedAt: now })
      .where(
        and(
          eq(activationCodes.subjectId, subjectId),
          isNull(activationCodes.usedAt),
          isNull(activationCodes.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(activationCodes)
      .values({ subjectId, codeHash: hashCode(code), issuedBy: actor.id, issuedAt: now, expiresAt })
      .returning({ id: activationCodes.id });
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "business.activation_code",
        entityType: "subject",
        entityId: String(subjectId),
        after: { codeId: row?.id, expiresAt: expiresAt.toISOString() },
      },
    );
  });
  return { code, expiresAt };
}

/**
 * Issue 20 N7, N14: the holder of a registration enters its password and the activation code. The company's waiting
 * registrations are tried with the password; a match with a valid code makes the company's account (one per
 * subject) and ends the others. Every other outcome gets the same answer, and failures lock this subject's
 * activation for the address they came from (5 in a row, 30 minutes), with a slower back-off across addresses.
 */
export async function activateBusiness(
  db: Db,
  meta: RequestMeta,
  { uscc, password, code, now = new Date() }: { uscc: string; password: string; code: string; now?: Date },
): Promise<void> {
  await throttle(meta);
  const [subject] = await db
    .select({ id: subjects.id, regionCode: subjects.regionCode })
    .from(subjects)
    .where(eq(subjects.uscc, uscc));
  if (!subject) {
    await verifyPassword(await dummyHash(), password);
    throw await refuse(
      db,
      meta,
      { action: "business.activate", actorName: uscc, after: { reason: "unknown_uscc" } },
      ACTIVATION_REFUSED,
    );
  }
  const scope = activationScope(subject.id);
  const address = meta.ip;
  const outcome = await db
    .transaction(async (tx) => {
      const audit = {
        action: "business.activate" as const,
        actorName: uscc,
        entityType: "subject",
        entityId: String(subject.id),
        ...meta,
      };
      const state = await readThrottle(tx, scope, address);
      const failed = async (reason: string, message = ACTIVATION_REFUSED) => {
        await writeThrottle(tx, scope, address, afterThrottledAttempt(state, false, now), now);
        await logAudit(tx, { ...audit, outcome: "denied", after: { reason } });
        return message;
      };
      if (throttleLocked(state, now)) {
        await logAudit(tx, { ...audit, outcome: "denied", after: { reason: "locked" } });
        return ACTIVATION_REFUSED;
      }
      const waiting = await tx
        .select()
        .from(businessRegistrations)
        .where(waitingFor(subject.id, now))
        .orderBy(desc(businessRegistrations.id))
        .limit(REGISTRATIONS_PER_SUBJECT)
        .for("update");
      let mine: (typeof waiting)[number] | undefined;
      for (const r of waiting)
        if (await verifyPassword(r.passwordHash, password)) {
          mine = r;
          break;
        }
      if (waiting.length === 0) await verifyPassword(await dummyHash(), password);
      if (!mine) return failed("no_matching_registration");
      // the password proved the registration theirs: the code's own problem may be told — judged before anything
      // about an account, so that no answer depends on whether the company has one (issue 20 N7)
      const [issued] = await tx
        .select()
        .from(activationCodes)
        .where(and(eq(activationCodes.subjectId, subject.id), eq(activationCodes.codeHash, hashCode(code))))
        .for("update");
      const problem = activationCodeProblem(issued, now);
      if (problem || !issued) return failed(problem ?? "no_code", problem ?? ACTIVATION_REFUSED);
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.subjectId, subject.id));
      if (account) return failed("has_account");
      const [user] = await tx
        .insert(users)
        .values({
          username: uscc,
          displayName: mine.contactName,
          phone: mine.phone,
          passwordHash: mine.passwordHash,
          status: "active",
          mustChangePassword: false,
          subjectId: subject.id,
          regionCode: subject.regionCode,
          passwordChangedAt: now,
        })
        .returning({ id: users.id });
      if (!user) throw new Error("user insert returned nothing");
      await tx.insert(userRoles).values({ userId: user.id, role: "business" });
      await tx
        .update(activationCodes)
        .set({ usedAt: now, usedBy: user.id })
        .where(eq(activationCodes.id, issued.id));
      await tx
        .update(businessRegistrations)
        .set({ status: "activated", userId: user.id, decidedAt: now, updatedAt: now })
        .where(eq(businessRegistrations.id, mine.id));
      await tx
        .update(businessRegistrations)
        .set({ status: "rejected", reason: "该主体的其他注册申请已激活", decidedAt: now, updatedAt: now })
        .where(
          and(
            eq(businessRegistrations.subjectId, subject.id),
            eq(businessRegistrations.status, "pending"),
            ne(businessRegistrations.id, mine.id),
          ),
        );
      await writeThrottle(tx, scope, address, afterThrottledAttempt(state, true, now), now);
      await logAudit(tx, {
        ...audit,
        actorId: user.id,
        entityType: "user",
        entityId: String(user.id),
        after: { codeId: issued.id, registrationId: mine.id, status: "active" },
      });
      return null;
    })
    .catch((err) => {
      // two holders activating at once: the one-account index keeps the first
      if (isUniqueViolation(err)) return ACTIVATION_REFUSED;
      throw err;
    });
  if (outcome) throw new AppError("invalid", outcome);
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when there is nothing to verify, so that time tells nothing. */
const dummyHash = () => {
  dummy ??= hashPassword("not-a-real-password-1A!");
  return dummy;
};
