import type { Channel } from "./delivery";
import type { TemplateName } from "./templates";

/**
 * Issue 22 §5: what a person may choose — per kind of message, e-mail and SMS on or off. 站内信 always; a notice with
 * a legal deadline also goes to at least one other channel the person has verified.
 */
export const MESSAGE_KINDS = ["notice", "progress", "reviewer"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_KIND_LABEL: Record<MessageKind, string> = {
  notice: "告知与决定（含法定期限的文书）",
  progress: "办件进展",
  reviewer: "待办与临期提醒",
};
export type ExtraChannel = "email" | "sms";
export type NotifyPrefs = Partial<Record<MessageKind, Partial<Record<ExtraChannel, boolean>>>>;

/** Unchosen: notices by every verified channel, the rest by e-mail only (SMS are for what cannot wait). */
const DEFAULTS: Record<MessageKind, Record<ExtraChannel, boolean>> = {
  notice: { email: true, sms: true },
  progress: { email: true, sms: false },
  reviewer: { email: true, sms: false },
};

export const wants = (prefs: NotifyPrefs, kind: MessageKind, channel: ExtraChannel): boolean =>
  prefs[kind]?.[channel] ?? DEFAULTS[kind][channel];

/** The kind of message a template is, for the preferences; a notice is told as one whatever its template. */
export function messageKindOf(template: TemplateName, isNotice: boolean): MessageKind {
  if (isNotice) return "notice";
  if (template === "case_queued" || template === "deadline_digest") return "reviewer";
  if (template.startsWith("list_") || template === "objection_outcome") return "notice";
  return "progress";
}

export type Reachable = { emailVerified: boolean; phoneVerified: boolean };

/**
 * The channels one message takes to a signed-up person: 站内信 always; e-mail and SMS to a verified address the
 * person wants it by. A notice never goes by 站内信 alone while a verified address exists.
 */
export function channelsFor(to: Reachable, prefs: NotifyPrefs, kind: MessageKind): Channel[] {
  const email = to.emailVerified && wants(prefs, kind, "email");
  const sms = to.phoneVerified && wants(prefs, kind, "sms");
  if (kind === "notice" && !email && !sms && (to.emailVerified || to.phoneVerified))
    return ["inbox", to.emailVerified ? "email" : "sms"];
  return ["inbox", ...(email ? (["email"] as const) : []), ...(sms ? (["sms"] as const) : [])];
}

/** A choice refused: notices off every channel but 站内信 while an address is verified. null when it holds. */
export function prefsProblem(prefs: NotifyPrefs, to: Reachable): string | null {
  const email = to.emailVerified && wants(prefs, "notice", "email");
  const sms = to.phoneVerified && wants(prefs, "notice", "sms");
  if ((to.emailVerified || to.phoneVerified) && !email && !sms)
    return "告知与决定含法定期限，除站内信外须至少通过一种已验证的方式（电子邮件或短信）送达。";
  return null;
}
