import { describe, expect, it } from "vitest";
import { listKindFromSegment, listKindLabel, listKindSegment } from "./list-kinds";

describe("list kinds in URLs (DOMAIN §5)", () => {
  it("maps each public segment to its kind and back", () => {
    for (const seg of ["red", "serious-dishonesty", "key-attention", "market-ban"]) {
      const kind = listKindFromSegment(seg);
      expect(kind, seg).not.toBeNull();
      if (kind) expect(listKindSegment(kind)).toBe(seg);
    }
    expect(listKindLabel("red")).toContain("红名单");
  });
  it("knows nothing else", () => {
    for (const seg of ["", "black", "RED", "red/", "serious_dishonesty"])
      expect(listKindFromSegment(seg)).toBeNull();
  });
});
