import "server-only";
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { signature } from "@/lib/notify/delivery";
import { config } from "../config";

/**
 * What a channel's delivery answers: the receiving server's or gateway's words, and whether they prove that the
 * message reached the addressee's server (a console print for the demo proves nothing, so it serves no notice).
 */
export type Sent = { answer: string; proves: boolean };

export type Senders = {
  email: (m: { to: string; subject: string; text: string }) => Promise<Sent>;
  sms: (m: { to: string; text: string; id: string }) => Promise<Sent>;
};

/** A delivery that failed; the message waits and is tried again (its reason is kept). */
export class DeliveryFailed extends Error {}

const TIMEOUT_MS = 10_000;
const hmac = (key: string, data: string) => createHmac("sha256", key).update(data).digest("hex");

export function smtpSender(url: string, from: string): Senders["email"] {
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return async (m) => {
    try {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      return { answer: String(info.response ?? "accepted"), proves: true };
    } catch (err) {
      throw new DeliveryFailed(`邮件服务器未接收：${(err as Error).message}`);
    }
  };
}

/** The HTTP gateway adapter: JSON over POST, signed with the gateway's key, a 2xx answer is acceptance. */
export function httpSmsSender(url: string, key: string): Senders["sms"] {
  return async (m) => {
    const body = JSON.stringify({ to: m.to, text: m.text, id: m.id });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "x-timestamp": timestamp,
          "x-signature": signature(key, timestamp, body, hmac),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
    } catch (err) {
      throw new DeliveryFailed(`短信网关无法连接：${(err as Error).message}`);
    }
    const text = (await res.text().catch(() => "")).slice(0, 300);
    if (!res.ok) throw new DeliveryFailed(`短信网关答复 ${res.status}：${text}`);
    return { answer: `${res.status} ${text}`.trim(), proves: true };
  };
}

/** For the demo and development: print what would be sent. */
const printed =
  (what: string) =>
  async (m: { to: string; subject?: string; text: string }): Promise<Sent> => {
    console.log(`[${what}] 至 ${m.to}${m.subject ? `：${m.subject}` : ""}\n${m.text}`);
    return { answer: `未配置${what}服务，已打印到控制台（演示）`, proves: false };
  };

/** The senders the configuration names. */
export function configuredSenders(): Senders {
  const c = config();
  return {
    email: c.smtpUrl ? smtpSender(c.smtpUrl, c.mailFrom) : printed("邮件"),
    sms:
      c.smsGatewayUrl && c.smsGatewayKey
        ? httpSmsSender(c.smsGatewayUrl, c.smsGatewayKey)
        : (m) => printed("短信")({ to: m.to, text: m.text }),
  };
}
