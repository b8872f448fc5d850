/**
 * Issue 11 §1: the one-time code a regulator of the subject's region hands to the company, which activates its
 * registered account with it. Eight characters of the USCC alphabet (no I, O, S, V, Z: nothing to misread),
 * shown as XXXX-XXXX; valid 7 days, used once.
 */
export const ACTIVATION_CODE_DAYS = 7;
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * A code read aloud or copied by hand: one symbol per random byte, in groups of four joined by dashes (31 symbols:
 * the tiny modulo bias is irrelevant for a code tried a handful of times).
 */
export function readableCode(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new RangeError(`${length} random bytes are needed`);
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET.charAt((bytes[i] ?? 0) % ALPHABET.length);
  return code.match(/.{1,4}/g)?.join("-") ?? "";
}

export const activationCodeFromBytes = (bytes: Uint8Array): string => readableCode(bytes, 8);

/** DOMAIN §8: the objector's secret for tracking a case without an account, 12 symbols (about 59 bits). */
export const trackingSecretFromBytes = (bytes: Uint8Array): string => readableCode(bytes, 12);

/** What the holder typed, in the form that was hashed: upper case, without spaces or dashes. */
export const normalizeActivationCode = (input: string): string => input.toUpperCase().replace(/[\s-]/g, "");

export type IssuedCode = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

/** Null when the code may be used now; otherwise the Chinese reason. */
export function activationCodeProblem(c: IssuedCode | undefined, now: Date): string | null {
  if (!c) return "激活码不正确，请核对后重新输入。";
  if (c.usedAt) return "该激活码已使用过，每个激活码只能使用一次。";
  if (c.revokedAt) return "该激活码已作废（监管部门已为该主体签发了新的激活码）。";
  if (c.expiresAt.getTime() <= now.getTime())
    return "该激活码已过期（有效期 7 天），请联系属地监管部门重新签发。";
  return null;
}

/**
 * Issue 20 N7: a registration claims nothing — anyone who knows a company's USCC and name (both public) may file
 * one. It waits 30 days for its holder to come with a code; a regulator may reject it; the first one activated
 * makes the company's account and ends the others. Registration and activation answer the same way whether or
 * not the company already has an account.
 */
export const REGISTRATION_VALID_DAYS = 30;
/** Beyond this many registrations waiting for one company, more are not kept (the answer stays the same). */
export const REGISTRATIONS_PER_SUBJECT = 20;

export const REGISTRATION_RECEIVED =
  "注册申请已提交。请经办人持营业执照、本人身份证件和单位授权书，到所在地区的监管部门核实身份、领取激活码，并在 30 天内完成激活；逾期申请自动失效。";
export const TOO_MANY_WAITING =
  "该企业待核实的注册申请过多，暂不受理新的申请。请经办人持营业执照和授权书直接到所在地区的监管部门办理。";
export const ACTIVATION_REFUSED =
  "统一社会信用代码、密码或激活码不正确，或没有待激活的注册申请（同一网络地址连续失败 5 次将锁定 30 分钟）。";

export type RegistrationState = { status: "pending" | "activated" | "rejected" | "expired"; expiresAt: Date };

/** Whether a registration may still be activated now. */
export const registrationOpen = (r: RegistrationState, now: Date) =>
  r.status === "pending" && r.expiresAt.getTime() > now.getTime();

export const REGISTRATION_STATUS_LABEL: Record<RegistrationState["status"], string> = {
  pending: "待激活",
  activated: "已激活",
  rejected: "已驳回",
  expired: "已失效",
};

/** What the regulator's page says of a registration: its status, a pending one past its 30 days counted expired. */
export const registrationLabel = (r: RegistrationState, now: Date) =>
  r.status === "pending" && !registrationOpen(r, now)
    ? REGISTRATION_STATUS_LABEL.expired
    : REGISTRATION_STATUS_LABEL[r.status];
