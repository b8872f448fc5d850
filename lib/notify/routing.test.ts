import { describe, expect, it } from "vitest";
import { channelsFor, dedupeKey } from "./routing";

describe("who is reached how (issue 22 §2)", () => {
  it("always by 站内信; by e-mail and SMS only at a verified address", () => {
    expect(channelsFor({ emailVerified: false, phoneVerified: false })).toEqual(["inbox"]);
    expect(channelsFor({ emailVerified: true, phoneVerified: false })).toEqual(["inbox", "email"]);
    expect(channelsFor({ emailVerified: true, phoneVerified: true })).toEqual(["inbox", "email", "sms"]);
  });
  it("one key per step, recipient and channel, so writing a step twice sends nothing twice", () => {
    expect(dedupeKey("list:1:notified", "user:9", "inbox")).toBe("list:1:notified|user:9|inbox");
    expect(dedupeKey("list:1:notified", "user:9", "email")).not.toBe(
      dedupeKey("list:1:notified", "user:9", "inbox"),
    );
  });
});
