import { describe, expect, it } from "vitest";
import { checkOrgCode, orgCodeCheckChar } from "./org-code";

// Independent reference from DOMAIN §1 / GB 11714-1997: value = 0–9, A=10 … Z=35;
// weights 3 7 9 10 5 8 4 2; check = 11 − Σ mod 11; 10 → X, 11 → 0.
const OW = [3, 7, 9, 10, 5, 8, 4, 2];
function refSum(body8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (OW[i] as number);
  return sum;
}
function refOrgCheck(body8: string): string {
  const c = 11 - (refSum(body8) % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BODY_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const CHECK_CHARS = "0123456789X";

function expectRejected(input: string) {
  let r: ReturnType<typeof checkOrgCode> | undefined;
  expect(() => {
    r = checkOrgCode(input);
  }).not.toThrow();
  expect(r?.valid).toBe(false);
  if (r && !r.valid) expect(r.reason.trim().length).toBeGreaterThan(0);
}

describe("orgCodeCheckChar — GB 11714-1997 check character", () => {
  it("gives X (value 10) for the standard's example D2143569", () => {
    // hand: 13·3 + 2·7 + 1·9 + 4·10 + 3·5 + 5·8 + 6·4 + 9·2 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X
    expect(orgCodeCheckChar("D2143569")).toBe("X");
  });

  it("gives 4 for M000100Y (positions 9–17 of the GB 32100 test vector)", () => {
    // hand: 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
  });

  it("gives 0 when Σ ≡ 0 (mod 11) (11 → 0)", () => {
    const prefix = "1234567";
    const last = [...BODY_CHARS].find((c) => refSum(prefix + c) % 11 === 0);
    expect(last).toBeDefined();
    expect(orgCodeCheckChar(prefix + last)).toBe("0");
  });

  it("agrees with the reference on a seeded random sample", () => {
    const rand = mulberry32(11714);
    for (let i = 0; i < 500; i++) {
      let body = "";
      for (let j = 0; j < 8; j++) body += BODY_CHARS.charAt(Math.floor(rand() * BODY_CHARS.length));
      expect(orgCodeCheckChar(body), body).toBe(refOrgCheck(body));
    }
  });

  it("returns null for characters outside digits/upper-case letters", () => {
    expect(orgCodeCheckChar("D214356*")).toBeNull();
    expect(orgCodeCheckChar("D214356 ")).toBeNull();
    expect(orgCodeCheckChar("Ｄ2143569")).toBeNull();
  });
});

describe("checkOrgCode — GB 11714-1997, 9 chars with an optional hyphen before the check char", () => {
  it("accepts D2143569-X and D2143569X", () => {
    expect(checkOrgCode("D2143569-X").valid).toBe(true);
    expect(checkOrgCode("D2143569X").valid).toBe(true);
  });

  it("accepts M000100Y4 and M000100Y-4", () => {
    expect(checkOrgCode("M000100Y4").valid).toBe(true);
    expect(checkOrgCode("M000100Y-4").valid).toBe(true);
  });

  it("rejects every wrong check character for D2143569", () => {
    for (const c of CHECK_CHARS) {
      if (c === "X") continue;
      expectRejected(`D2143569${c}`);
      expectRejected(`D2143569-${c}`);
    }
  });

  it("rejects every single-character substitution in the body of D2143569-X", () => {
    const body = "D2143569";
    for (let pos = 0; pos < 8; pos++) {
      for (const c of BODY_CHARS) {
        if (c === body.charAt(pos)) continue;
        const mutated = body.slice(0, pos) + c + body.slice(pos + 1);
        // a substitution could only stay valid if the weighted sum is unchanged mod 11;
        // skip the (rare) collisions by consulting the reference
        if (refOrgCheck(mutated) === "X") continue;
        expectRejected(`${mutated}X`);
      }
    }
  });

  const bad: [string, string][] = [
    ["empty", ""],
    ["8 characters", "D2143569"],
    ["10 characters without hyphen", "D2143569X0"],
    ["hyphen in the wrong place", "D214-3569X"],
    ["hyphen after the first character", "D-2143569X"],
    ["two hyphens", "D2143569--X"],
    ["a space", "D2143569 X"],
    ["full-width characters", "Ｄ２１４３５６９－Ｘ"],
    ["a symbol", "D21435*9X"],
  ];
  for (const [title, input] of bad) {
    it(`rejects ${title} with a reason`, () => expectRejected(input));
  }
});
