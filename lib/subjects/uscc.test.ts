import { describe, expect, it } from "vitest";
import { checkUscc, normalizeUscc, USCC_ALPHABET, usccCheckChar, withUsccCheckChar } from "./uscc";

// ---------------------------------------------------------------------------
// Independent reference, written from DOMAIN §1 / GB 32100-2015 §5 (not from lib/subjects/uscc.ts).
// ---------------------------------------------------------------------------
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // 31 chars, no I O S V Z
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function refWeightedSum(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (W[i] as number);
  return sum;
}
function refCheckChar(first17: string): string {
  return ALPHABET.charAt((31 - (refWeightedSum(first17) % 31)) % 31);
}

// GB 11714 reference for positions 9–17 (organisation code): weights 3 7 9 10 5 8 4 2; 11 − Σ mod 11; 10 → X, 11 → 0.
function refOrgCheck(body8: string): string {
  const ow = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (ow[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

// Deterministic PRNG so random-looking cases are reproducible.
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
function randomBody(rand: () => number, len: number, chars = ALPHABET): string {
  let s = "";
  for (let i = 0; i < len; i++) s += chars.charAt(Math.floor(rand() * chars.length));
  return s;
}

const VECTOR = "91350100M000100Y43"; // the test vector of GB 32100-2015 (DOMAIN §1)

function expectRejected(input: string) {
  let r: ReturnType<typeof checkUscc> | undefined;
  expect(() => {
    r = checkUscc(input);
  }).not.toThrow();
  expect(r?.valid).toBe(false);
  if (r && !r.valid) {
    expect(typeof r.reason).toBe("string");
    expect(r.reason.trim().length).toBeGreaterThan(0);
    // reasons are Simplified Chinese (contract): at least one CJK ideograph
    expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe("USCC_ALPHABET (GB 32100-2015 §4: 31 chars, no I/O/S/V/Z)", () => {
  it("is exactly the 31-character code set of the standard", () => {
    expect(USCC_ALPHABET).toBe(ALPHABET);
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const c of "IOSVZ") expect(USCC_ALPHABET).not.toContain(c);
  });
});

describe("reference implementation sanity (DOMAIN §1 weights)", () => {
  it("computes the standard's test vector check character 3", () => {
    expect(refCheckChar(VECTOR.slice(0, 17))).toBe("3");
    // and the organisation-code part M000100Y-4 passes GB 11714
    expect(refOrgCheck("M000100Y")).toBe("4");
  });
});

describe("checkUscc — GB 32100-2015 §5 check character", () => {
  it("accepts the standard's test vector 91350100M000100Y43 without warnings", () => {
    const r = checkUscc(VECTOR);
    expect(r.valid).toBe(true);
    if (r.valid) expect(r.warnings).toEqual([]); // its org-code part M000100Y4 passes GB 11714
  });

  it("rejects EVERY single-character substitution of the test vector (18 positions × 30 other chars)", () => {
    let count = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of ALPHABET) {
        if (c === VECTOR.charAt(pos)) continue;
        const mutated = VECTOR.slice(0, pos) + c + VECTOR.slice(pos + 1);
        const r = checkUscc(mutated);
        expect(r.valid, `${mutated} (pos ${pos + 1} → ${c}) must be invalid`).toBe(false);
        if (!r.valid) expect(r.reason.length).toBeGreaterThan(0);
        count++;
      }
    }
    expect(count).toBe(18 * 30);
  });

  it("accepts codes built with the reference check character (seeded random sample)", () => {
    const rand = mulberry32(32100);
    for (let i = 0; i < 200; i++) {
      // keep the org-code part GB 11714-valid so no warning is expected either way
      const orgBody = randomBody(rand, 8, "0123456789ABCDEFGHJKLMNPQRTUWXY");
      const first17 = `9136${randomBody(rand, 4, "0123456789")}${orgBody}${refOrgCheck(orgBody)}`;
      const code = first17 + refCheckChar(first17);
      expect(checkUscc(code).valid, code).toBe(true);
    }
  });

  it("rejects a code whose check character is any other alphabet character (seeded random sample)", () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 50; i++) {
      const first17 = randomBody(rand, 17);
      const good = refCheckChar(first17);
      const wrong = ALPHABET.charAt((ALPHABET.indexOf(good) + 1 + Math.floor(rand() * 30)) % 31);
      expect(wrong).not.toBe(good);
      expectRejected(first17 + wrong);
    }
  });
});

describe("checkUscc — bad inputs return {valid:false, reason} and never throw (checks exactly as given)", () => {
  const cases: [string, string][] = [
    ["empty string", ""],
    ["lower-case letters", "91350100m000100y43"],
    ["17 characters", VECTOR.slice(0, 17)],
    ["19 characters", `${VECTOR}0`],
    ["full-width digits/letters", "９１３５０１００Ｍ０００１００Ｙ４３"],
    ["one full-width digit", `９${VECTOR.slice(1)}`],
    ["a space inside", `${VECTOR.slice(0, 9)} ${VECTOR.slice(9)}`],
    ["a space inside replacing a char", `${VECTOR.slice(0, 9)} ${VECTOR.slice(10)}`],
    ["leading space", ` ${VECTOR}`],
    ["trailing space", `${VECTOR} `],
    ["a hyphen", `${VECTOR.slice(0, 17)}-${VECTOR.slice(17)}`],
    ["whitespace only", "                  "],
    ["Chinese text", "统一社会信用代码统一社会信用代码统一"],
  ];
  for (const [title, input] of cases) {
    it(`rejects ${title}`, () => expectRejected(input));
  }

  // GB 32100-2015 §4: I, O, S, V, Z are not in the code set — rejected at any position.
  for (const letter of "IOSVZ") {
    it(`rejects the excluded letter ${letter} (at positions 9, 16 and 18)`, () => {
      for (const pos of [8, 15, 17]) {
        expectRejected(VECTOR.slice(0, pos) + letter + VECTOR.slice(pos + 1));
      }
    });
  }
});

describe("checkUscc — GB 11714 failure of positions 9–17 is a warning, not a rejection (DOMAIN §1)", () => {
  it("returns valid:true with a non-empty warnings array when only the org-code check fails", () => {
    const orgBody = "12345678";
    const goodOrg = refOrgCheck(orgBody);
    const badOrg = goodOrg === "1" ? "2" : "1";
    const first17 = `91360100${orgBody}${badOrg}`;
    const code = first17 + refCheckChar(first17); // USCC check itself is right
    const r = checkUscc(code);
    expect(r.valid).toBe(true);
    if (r.valid) {
      expect(r.warnings.length).toBeGreaterThan(0);
      for (const w of r.warnings) expect(w.length).toBeGreaterThan(0);
    }
  });

  it("returns no warnings when the org-code part is GB 11714-valid", () => {
    const orgBody = "12345678";
    const first17 = `91360100${orgBody}${refOrgCheck(orgBody)}`;
    const r = checkUscc(first17 + refCheckChar(first17));
    expect(r).toEqual({ valid: true, warnings: [] });
  });
});

describe("usccCheckChar / withUsccCheckChar — GB 32100-2015 §5", () => {
  it("gives 3 for the test vector's first 17 characters", () => {
    expect(usccCheckChar(VECTOR.slice(0, 17))).toBe("3");
    expect(withUsccCheckChar(VECTOR.slice(0, 17))).toBe(VECTOR);
  });

  it("agrees with the reference on a seeded random sample", () => {
    const rand = mulberry32(42);
    for (let i = 0; i < 500; i++) {
      const first17 = randomBody(rand, 17);
      expect(usccCheckChar(first17), first17).toBe(refCheckChar(first17));
      expect(withUsccCheckChar(first17)).toBe(first17 + refCheckChar(first17));
    }
  });

  it("gives '0' when Σ ≡ 0 (mod 31) — the outer `mod 31` of (31 − Σ mod 31) mod 31", () => {
    const prefix = "9136010012345678"; // 16 chars; pick the 17th so that the weighted sum is ≡ 0 mod 31
    const last = [...ALPHABET].find((c) => refWeightedSum(prefix + c) % 31 === 0);
    expect(last).toBeDefined();
    const first17 = prefix + last;
    expect(usccCheckChar(first17)).toBe("0");
    expect(checkUscc(`${first17}0`).valid).toBe(true);
  });

  it("returns null when a character is outside the code set (I, O, S, V, Z, lower case, full width)", () => {
    for (const bad of ["I", "O", "S", "V", "Z", "m", "Ｍ", " "]) {
      expect(usccCheckChar(`91350100${bad}000100Y4`), bad).toBeNull();
    }
  });
});

describe("normalizeUscc — drops spaces/hyphens, folds full-width and lower case", () => {
  it("folds full-width characters to half-width", () => {
    expect(normalizeUscc("９１３５０１００Ｍ０００１００Ｙ４３")).toBe(VECTOR);
  });
  it("folds lower case to upper case", () => {
    expect(normalizeUscc("91350100m000100y43")).toBe(VECTOR);
  });
  it("drops spaces and hyphens (incl. surrounding whitespace)", () => {
    expect(normalizeUscc(" 9135 0100-M000100Y4-3 ")).toBe(VECTOR);
  });
  it("drops a full-width (ideographic) space and full-width hyphen after folding", () => {
    expect(normalizeUscc("９１３５０１００\u3000ｍ０００１００ｙ４－３")).toBe(VECTOR);
  });
  it("leaves an already normal code unchanged, and the normalized input then checks valid", () => {
    expect(normalizeUscc(VECTOR)).toBe(VECTOR);
    expect(checkUscc(normalizeUscc("９１３５０１００ｍ０００１００ｙ４３")).valid).toBe(true);
  });
});
