import "server-only";
import { createHmac } from "node:crypto";
import { lookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import { signature } from "@/lib/notify/delivery";
import { isIpLiteral, isPublicAddress } from "@/lib/notify/webhook-address";
import { config } from "../config";

/**
 * What a channel's delivery answers: the receiving server's or gateway's words, and whether they prove that the
 * message reached the addressee's server (a console print for the demo proves nothing, so it serves no notice).
 */
export type Sent = { answer: string; proves: boolean };

export type Senders = {
  email: (m: { to: string; subject: string; text: string }) => Promise<Sent>;
  sms: (m: { to: string; text: string; id: string }) => Promise<Sent>;
  webhook?: (m: { url: string; body: string; secret: string }) => Promise<Sent>;
};

/** A delivery that can never succeed (an address resolving to a private network): not retried. */
export class DeliveryRefused extends Error {}

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

/**
 * Issue 22 §2: a follower's webhook, signed like the gateway's requests. The address is checked when the connection
 * is made (the resolver's answer itself), so a name that later resolves to a private address is refused too
 * (no SSRF, no DNS rebinding). 10 s to answer; redirects are not followed; 2xx is delivery.
 */
export function webhookSender(o: { allowPrivate?: boolean } = {}): NonNullable<Senders["webhook"]> {
  const guarded: LookupFunction = (host, opts, cb) =>
    lookup(host, { ...opts, all: false }, (err, address, family) => {
      if (err) return cb(err, "", 0);
      if (!o.allowPrivate && !isPublicAddress(String(address)))
        return cb(new DeliveryRefused(`推送地址解析到内网或保留地址（${address}），已拒绝`), "", 0);
      cb(null, address as string, family as number);
    });
  return (m) =>
    new Promise<Sent>((resolve, reject) => {
      const url = new URL(m.url);
      if (url.protocol !== "https:" && !o.allowPrivate)
        return reject(new DeliveryRefused("只能推送到 https 地址"));
      // an address written as an IP is connected to without a lookup: judged here
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (!o.allowPrivate && isIpLiteral(host) && !isPublicAddress(host))
        return reject(new DeliveryRefused(`推送地址是内网或保留地址（${host}），已拒绝`));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(
        url,
        {
          method: "POST",
          lookup: guarded,
          timeout: TIMEOUT_MS,
          headers: {
            "content-type": "application/json; charset=utf-8",
            "user-agent": "credit-jiangxi-webhook/1",
            "x-timestamp": timestamp,
            "x-signature": signature(m.secret, timestamp, m.body, hmac),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            if (text.length < 300) text += c;
          });
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const answer = `${status} ${text.slice(0, 200)}`.trim();
            if (status >= 200 && status < 300) resolve({ answer, proves: true });
            else reject(new DeliveryFailed(`推送地址答复 ${answer}`));
          });
        },
      );
      req.on("timeout", () => req.destroy(new DeliveryFailed("推送地址 10 秒内未答复")));
      req.on("error", (err) =>
        reject(
          err instanceof DeliveryRefused || err instanceof DeliveryFailed
            ? err
            : new DeliveryFailed(`推送地址无法连接：${err.message}`),
        ),
      );
      req.end(m.body);
    });
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
    webhook: webhookSender(),
  };
}
