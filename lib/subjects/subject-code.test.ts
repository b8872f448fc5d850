import { describe, expect, it } from "vitest";
import { parseSubjectCode } from "./subject-code";

// DOMAIN §1–2: a profile is addressed by the USCC, or a natural person by an opaque id (never the ID number)
describe("parseSubjectCode", () => {
  it("reads a USCC, and says when the URL was not written canonically", () => {
    expect(parseSubjectCode("91350100M000100Y43")).toEqual({
      kind: "uscc",
      code: "91350100M000100Y43",
      canonical: true,
    });
    expect(parseSubjectCode("91350100m000100y43")).toMatchObject({ kind: "uscc", canonical: false });
  });
  it("reads an opaque public id", () => {
    expect(parseSubjectCode("p000a1b2c3d4e5")).toEqual({ kind: "public_id", id: "p000a1b2c3d4e5" });
  });
  it("explains a wrong check character and refuses a person's ID number or garbage", () => {
    expect(parseSubjectCode("91350100M000100Y44")).toMatchObject({ kind: "invalid" });
    expect(parseSubjectCode("360102199001011234")).toMatchObject({ kind: "invalid" });
    expect(parseSubjectCode("%E0%A4%A")).toEqual({ kind: "invalid", message: "代码中含有无法识别的字符。" });
  });
});
