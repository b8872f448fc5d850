import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { activationCodes, subjects, userRoles, users } from "@/db/schema";
import {
  ACTIVATION_CODE_DAYS,
  activationCodeFromBytes,
  activationCodeProblem,
  normalizeActivationCode,
} from "@/lib/access/activation-code";
import { afterAttempt, isLocked } from "@/lib/access/lockout";
import { checkPassword } from "@/lib/access/password-policy";
import { regionPrefix } from "@/lib/subjects/regions";
import { type AuditEntry, logAudit } from "../audit";
import type { RequestMeta } from "../auth/request-meta";
import type { ServiceContext } from "../context";
import { hashPassword, verifyPassword } from "../credentials/password";
import { AppError } from "../errors";
import { createLimiter } from "../limiter";

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

function throttle(meta: RequestMeta) {
  const t = perAddress(meta.ip, 10);
  if (!t.allowed) throw new AppError("too_many", `操作过于频繁，请 ${t.retryAfterSeconds} 秒后再试。`);
}

export type Registration = {
  uscc: string;
  name: string;
  contactName: string;
  phone: string;
  password: string;
};

/**
 * Issue 11 §1: a company registers with its USCC and registered name, which must match a subject we hold; the
 * account stays `pending` until its holder enters the code a regulator of the subject's region issues. One
 * account per subject. Acts for no signed-in person, like sign-in.
 */
export async function registerBusiness(
  db: Db,
  meta: RequestMeta,
  r: Registration,
): Promise<{ username: string }> {
  throttle(meta);
  const base = { action: "business.register" as const, actorName: r.uscc, entityType: "subject" };
  const [subject] = await db
    .select({ id: subjects.id, name: subjects.name, regionCode: subjects.regionCode, kind: subjects.kind })
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
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          username: r.uscc,
          displayName: r.contactName,
          phone: r.phone,
          passwordHash,
          status: "pending",
          mustChangePassword: false,
          subjectId: subject.id,
          regionCode: subject.regionCode,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      if (!user) throw new Error("user insert returned nothing");
      await tx.insert(userRoles).values({ userId: user.id, role: "business" });
      await logAudit(tx, {
        ...base,
        actorId: user.id,
        entityId: String(subject.id),
        after: { userId: user.id, contactName: r.contactName, status: "pending" },
        ...meta,
      });
      return { username: r.uscc };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw await refuse(
        db,
        meta,
        { ...base, entityId: String(subject.id), after: { reason: "already_registered" } },
        "该主体已注册企业账号，每个主体只能注册一个账号。如需找回，请联系属地监管部门。",
      );
    throw err;
  }
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
  const prefix = regionPrefix(actor.regionCode);
  if (
    !subject ||
    subject.kind === "natural_person" ||
    (prefix !== null && !subject.regionCode?.startsWith(prefix))
  )
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
    await logAudit(tx, {
      action: "business.activation_code",
      actorId: actor.id,
      actorName: actor.username,
      entityType: "subject",
      entityId: String(subjectId),
      after: { codeId: row?.id, expiresAt: expiresAt.toISOString() },
      ...meta,
    });
  });
  return { code, expiresAt };
}

/**
 * The holder of a pending account enters its password and the activation code. Wrong passwords count towards
 * the same lock as sign-in; a wrong, expired, revoked or used code is refused and audited.
 */
export async function activateBusiness(
  db: Db,
  meta: RequestMeta,
  { uscc, password, code, now = new Date() }: { uscc: string; password: string; code: string; now?: Date },
): Promise<void> {
  throttle(meta);
  const refused = "统一社会信用代码或密码不正确，或该账号无需激活。";
  const outcome = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.username, uscc)).for("update");
    const audit = {
      actorId: user?.id ?? null,
      actorName: uscc,
      entityType: "user",
      entityId: user ? String(user.id) : null,
      ...meta,
    };
    if (user?.status !== "pending" || user.subjectId === null) {
      await logAudit(tx, {
        ...audit,
        action: "business.activate",
        outcome: "denied",
        after: { reason: "no_pending_account" },
      });
      return refused;
    }
    const lock = { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil };
    const passwordOk = !isLocked(lock, now) && (await verifyPassword(user.passwordHash, password));
    const next = afterAttempt(lock, passwordOk, now);
    await tx
      .update(users)
      .set({ failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil })
      .where(eq(users.id, user.id));
    if (next.outcome !== "signed_in") {
      await logAudit(tx, {
        ...audit,
        action: "business.activate",
        outcome: "denied",
        after: { reason: next.outcome },
      });
      return `${refused}（连续失败 5 次将锁定 30 分钟）`;
    }
    const [issued] = await tx
      .select()
      .from(activationCodes)
      .where(and(eq(activationCodes.subjectId, user.subjectId), eq(activationCodes.codeHash, hashCode(code))))
      .for("update");
    const problem = activationCodeProblem(issued, now);
    if (problem || !issued) {
      await logAudit(tx, {
        ...audit,
        action: "business.activate",
        outcome: "denied",
        after: { reason: problem },
      });
      return problem ?? refused;
    }
    const used = await tx
      .update(activationCodes)
      .set({ usedAt: now, usedBy: user.id })
      .where(and(eq(activationCodes.id, issued.id), isNull(activationCodes.usedAt)))
      .returning({ id: activationCodes.id });
    if (used.length === 0) return "该激活码已使用过，每个激活码只能使用一次。";
    await tx.update(users).set({ status: "active", updatedAt: now }).where(eq(users.id, user.id));
    await logAudit(tx, {
      ...audit,
      action: "business.activate",
      after: { codeId: issued.id, status: "active" },
    });
    return null;
  });
  if (outcome) throw new AppError("invalid", outcome);
}
