import { describe, expect, it } from "vitest";
import { caseFileProblem } from "./case-file";

const MB10 = 10_485_760; // 10 × 1024 × 1024 bytes
const pdf = (name: string, size = 1234) => ({ name, size, sniffed: "application/pdf" as string | null });

describe("caseFileProblem — DOMAIN §7 materials: PDF/JPG/PNG, ≤ 10 MB each, type checked from content", () => {
  it("an ordinary PDF is kept", () => {
    expect(caseFileProblem(pdf("履约证明.pdf"))).toBeNull();
  });

  it.each([
    ["photo.jpg", "image/jpeg"],
    ["photo.jpeg", "image/jpeg"],
    ["photo.JPG", "image/jpeg"],
    ["photo.JPEG", "image/jpeg"],
    ["scan.png", "image/png"],
    ["scan.PDF", "application/pdf"],
  ])("%s with content %s is kept (extension compared without case)", (name, sniffed) => {
    expect(caseFileProblem({ name, size: 2048, sniffed })).toBeNull();
  });
});

describe("caseFileProblem — issue 11 §4: the name is never used as a path", () => {
  it.each(["../a.pdf", "a/b.pdf", "a\\b.pdf", ".hidden.pdf", "/etc/passwd.pdf", "..\\..\\a.pdf"])(
    "refuses %j",
    (name) => {
      expect(caseFileProblem(pdf(name))).not.toBeNull();
    },
  );

  it("refuses an empty or blank name", () => {
    expect(caseFileProblem(pdf(""))).not.toBeNull();
    expect(caseFileProblem(pdf("   "))).not.toBeNull();
  });

  it("refuses a name over 200 characters", () => {
    expect(caseFileProblem(pdf(`${"证".repeat(197)}.pdf`))).not.toBeNull();
    expect(caseFileProblem(pdf(`${"证".repeat(196)}.pdf`))).toBeNull(); // exactly 200
  });
});

describe("caseFileProblem — issue 9 §8: no control or direction-changing characters in the name", () => {
  it.each([
    ["NUL", "a\u0000.pdf"],
    ["line feed", "a\nb.pdf"],
    ["C1 control", "a\u0085b.pdf"],
    ["right-to-left override", "证明\u202Egnp.pdf"],
    ["first-strong isolate", "证明\u2068.pdf"],
    ["right-to-left mark", "证明\u200F.pdf"],
  ])("refuses a %s", (_, name) => {
    expect(caseFileProblem(pdf(name))).not.toBeNull();
  });
});

describe("caseFileProblem — DOMAIN §7 size: ≤ 10 MB, not empty", () => {
  it("refuses an empty file", () => {
    expect(caseFileProblem(pdf("a.pdf", 0))).not.toBeNull();
  });
  it("keeps exactly 10 MB", () => {
    expect(caseFileProblem(pdf("a.pdf", MB10))).toBeNull();
  });
  it("refuses one byte over 10 MB", () => {
    expect(caseFileProblem(pdf("a.pdf", MB10 + 1))).not.toBeNull();
  });
});

describe("caseFileProblem — DOMAIN §7: the type is judged from the content, not the name", () => {
  it("refuses content that is none of PDF, JPG, PNG, whatever the name says", () => {
    expect(caseFileProblem({ name: "a.pdf", size: 100, sniffed: null })).not.toBeNull();
    expect(caseFileProblem({ name: "a.pdf", size: 100, sniffed: "application/zip" })).not.toBeNull();
    expect(caseFileProblem({ name: "a.gif", size: 100, sniffed: "image/gif" })).not.toBeNull();
  });

  it("refuses an extension that does not match the content, naming the file", () => {
    const p = caseFileProblem({ name: "x.png", size: 100, sniffed: "application/pdf" });
    expect(p).not.toBeNull();
    expect(p).toContain("x.png");
    expect(caseFileProblem({ name: "x.pdf", size: 100, sniffed: "image/png" })).not.toBeNull();
    expect(caseFileProblem({ name: "x.jpg", size: 100, sniffed: "image/png" })).not.toBeNull();
  });

  it("refuses a name without an extension", () => {
    expect(caseFileProblem(pdf("证明"))).not.toBeNull();
  });
});

describe("caseFileProblem — issue 20 N16: invisible characters in a file name", () => {
  it.each(["\ufeff履约证明.pdf", "履约\u2028证明.pdf", "履约\u200b证明.pdf"])("refuses %j", (name) => {
    expect(caseFileProblem(pdf(name))).toMatch(/不可见字符/);
  });
});
