import type { Channel } from "./delivery";

/** What is known of an account's addresses (issue 22 §2: only verified ones are written to). */
export type Reachable = { emailVerified: boolean; phoneVerified: boolean };

/**
 * Issue 22 §2, §5: the channels a message to a signed-up person takes. 站内信 always; e-mail and SMS to a verified
 * address. A notice with a legal deadline goes to every verified address as well, so that it is served as soon as
 * one of them answers.
 */
export function channelsFor(to: Reachable): Channel[] {
  return [
    "inbox",
    ...(to.emailVerified ? (["email"] as const) : []),
    ...(to.phoneVerified ? (["sms"] as const) : []),
  ];
}

/** One outbox row per message, recipient and channel: writing the same step twice adds nothing. */
export const dedupeKey = (event: string, recipient: string, channel: Channel) =>
  `${event}|${recipient}|${channel}`;
