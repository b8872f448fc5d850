import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { totpRecoveryCodes, users } from "@/db/schema";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { verifyPassword } from "../credentials/password";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpQrDataUri,
  verifyTotp,
} from "../credentials/totp";
import { AppError } from "../errors";

/** The acting account, as far as enrolment needs it (a ServiceContext fits). */
type Ctx = Pick<ServiceContext, "db" | "meta"> & { actor: { id: number; username: string } };

/** Step 1: a fresh secret is kept (sealed) but not yet required at sign-in. */
export async function beginTotp({ db, actor }: Ctx): Promise<string> {
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpSecret: sealTotpSecret(secret), totpEnabledAt: null })
    .where(eq(users.id, actor.id));
  return secret;
}

export async function pendingTotpSecret(db: Db, userId: number): Promise<string | null> {
  const [u] = await db
    .select({ s: users.totpSecret, on: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return u?.s && !u.on ? openTotpSecret(u.s) : null;
}

/** What an account page shows: nothing while enabled, else the pending secret and its QR code, if any. */
export async function totpEnrolmentView(
  db: Db,
  user: { id: number; username: string; totpEnabled: boolean },
): Promise<{ pending: string | null; qr: string | null }> {
  const pending = user.totpEnabled ? null : await pendingTotpSecret(db, user.id);
  return { pending, qr: pending ? await totpQrDataUri(pending, user.username) : null };
}

/** Step 2: the first code proves the phone has the secret; ten recovery codes are issued, shown once. */
export async function confirmTotp({ db, actor, meta }: Ctx, { code }: { code: string }): Promise<string[]> {
  const secret = await pendingTotpSecret(db, actor.id);
  if (!secret) throw new AppError("invalid", "请先点击“启用动态验证码”获取二维码。");
  if (!verifyTotp(secret, actor.username, code)) {
    throw new AppError("invalid", "验证码不正确：请输入身份验证器当前显示的 6 位数字，并确认手机时间准确。");
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, actor.id));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, actor.id));
    await tx
      .insert(totpRecoveryCodes)
      .values(codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(c) })));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "auth.totp_enabled",
        entityType: "user",
        entityId: String(actor.id),
      },
    );
  });
  return codes;
}

/** Turning the second factor off asks for the password again. */
export async function disableTotp(
  { db, actor, meta }: Ctx,
  { password }: { password: string },
): Promise<void> {
  const [u] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!u || !(await verifyPassword(u.passwordHash, password))) throw new AppError("invalid", "密码不正确。");
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, actor.id));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, actor.id));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "auth.totp_disabled",
        entityType: "user",
        entityId: String(actor.id),
      },
    );
  });
}
