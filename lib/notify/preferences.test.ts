import { describe, expect, it } from "vitest";
import { dedupeKey } from "./delivery";
import { channelsFor, messageKindOf, prefsProblem } from "./preferences";

const both = { emailVerified: true, phoneVerified: true };
const none = { emailVerified: false, phoneVerified: false };

describe("who is reached how (issue 22 §2, §5)", () => {
  it("always by 站内信; by e-mail and SMS only at a verified address", () => {
    expect(channelsFor(none, {}, "notice")).toEqual(["inbox"]);
    expect(channelsFor({ emailVerified: true, phoneVerified: false }, {}, "notice")).toEqual([
      "inbox",
      "email",
    ]);
    expect(channelsFor(both, {}, "notice")).toEqual(["inbox", "email", "sms"]);
  });
  it("by default the progress of a case goes by e-mail, not SMS", () => {
    expect(channelsFor(both, {}, "progress")).toEqual(["inbox", "email"]);
  });
  it("a person's choice is kept for ordinary messages", () => {
    expect(channelsFor(both, { progress: { email: false } }, "progress")).toEqual(["inbox"]);
    expect(channelsFor(both, { reviewer: { sms: true } }, "reviewer")).toEqual(["inbox", "email", "sms"]);
  });
  it("a notice with a legal deadline never goes by 站内信 alone while an address is verified", () => {
    const off = { notice: { email: false, sms: false } };
    expect(channelsFor(both, off, "notice")).toEqual(["inbox", "email"]);
    expect(channelsFor({ emailVerified: false, phoneVerified: true }, off, "notice")).toEqual([
      "inbox",
      "sms",
    ]);
    expect(prefsProblem(off, both)).toContain("至少通过一种");
    expect(prefsProblem(off, none)).toBeNull();
    expect(prefsProblem({ notice: { email: false } }, both)).toBeNull();
  });
  it("templates fall into their kinds; a message carrying a notice is a notice", () => {
    expect(messageKindOf("list_notice", true)).toBe("notice");
    expect(messageKindOf("case_step", true)).toBe("notice");
    expect(messageKindOf("case_step", false)).toBe("progress");
    expect(messageKindOf("deadline_digest", false)).toBe("reviewer");
  });
  it("one key per step, recipient and channel, so writing a step twice sends nothing twice", () => {
    expect(dedupeKey("list:1:notified", "user:9", "inbox")).toBe("list:1:notified|user:9|inbox");
    expect(dedupeKey("list:1:notified", "user:9", "email")).not.toBe(
      dedupeKey("list:1:notified", "user:9", "inbox"),
    );
  });
});
