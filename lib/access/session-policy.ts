/** DOMAIN §11: a console session ends after 30 idle minutes, and in any case 12 hours after sign-in. */
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
export type SessionVerdict = "active" | "revoked" | "idle" | "expired";

export function sessionVerdict(s: SessionTimes, now: Date): SessionVerdict {
  if (s.revokedAt) return "revoked";
  if (now.getTime() - s.createdAt.getTime() >= ABSOLUTE_HOURS * 3_600_000) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= IDLE_MINUTES * 60_000) return "idle";
  return "active";
}

/** Why the sign-in page was shown again, in the words the user reads there. */
export const SESSION_END_MESSAGE: Record<Exclude<SessionVerdict, "active">, string> = {
  revoked: "您已退出登录。",
  idle: `超过 ${IDLE_MINUTES} 分钟未操作，已自动退出，请重新登录。`,
  expired: `登录已满 ${ABSOLUTE_HOURS} 小时，请重新登录。`,
};
