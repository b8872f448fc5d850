import { chinaDateTime } from "../calendar/dates";

/** Issue 22 channels: 站内信, e-mail, SMS and a follower's webhook. */
export const CHANNELS = ["inbox", "email", "sms", "webhook"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABEL: Record<Channel, string> = {
  inbox: "站内信",
  email: "电子邮件",
  sms: "短信",
  webhook: "Webhook",
};

/** After this many failed attempts a message is given up as failed (its reason kept). */
export const MAX_ATTEMPTS = 8;
const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60_000;

/** Exponential back-off: 30 s, 1 min, 2 min … at most 6 h; null once the attempts are spent. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  if (attemptsMade >= MAX_ATTEMPTS) return null;
  const wait = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  return new Date(now.getTime() + wait);
}

const QUIET_FROM = 22;
const QUIET_UNTIL = 8;
const CHINA_OFFSET_MS = 8 * 60 * 60_000;

/**
 * Issue 22 §5: no SMS between 22:00 and 08:00 China time. The instant it may go: `now` itself outside those hours,
 * else the next 08:00 China time.
 */
export function smsAllowedAt(now: Date): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const h = local.getUTCHours();
  if (h >= QUIET_UNTIL && h < QUIET_FROM) return now;
  const morning = new Date(local);
  morning.setUTCHours(QUIET_UNTIL, 0, 0, 0);
  if (h >= QUIET_FROM) morning.setUTCDate(morning.getUTCDate() + 1);
  return new Date(morning.getTime() - CHINA_OFFSET_MS);
}

/** How a delivery is written in the case's record: "2026-12-05 10:20 电子邮件：250 OK". */
export const deliveryNote = (channel: Channel, at: Date, answer: string) =>
  `${chinaDateTime(at)} ${CHANNEL_LABEL[channel]}：${answer}`;

/**
 * The signature a receiver checks (issue 22: SMS gateway and webhooks): `sha256=` + hex HMAC-SHA-256 over
 * "<timestamp>.<body>", so a captured request cannot be replayed with another timestamp.
 */
export function signature(
  key: string,
  timestamp: string,
  body: string,
  hmac: (key: string, data: string) => string,
) {
  return `sha256=${hmac(key, `${timestamp}.${body}`)}`;
}

/** One outbox row per message, recipient and channel: writing the same step twice adds nothing. */
export const dedupeKey = (event: string, recipient: string, channel: Channel) =>
  `${event}|${recipient}|${channel}`;
