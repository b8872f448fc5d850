import { describe, expect, it } from "vitest";
import { checkIdNumber, idNumberCheckChar, withIdCheckChar } from "./id-number";

// Independent reference from DOMAIN §1 / GB 11643-1999 §8.2 (ISO 7064 MOD 11-2):
// weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[Σ mod 11].
const IW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function refIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (IW[i] as number);
  return "10X98765432".charAt(sum % 11);
}
const withRef = (first17: string) => first17 + refIdCheck(first17);

// Example from GB 11643-1999 (北京市朝阳区, born 1949-12-31):
// hand: Σ = 167, 167 mod 11 = 2 → "X"
const STANDARD_EXAMPLE = "11010519491231002X";
// Second example from the standard (广东省汕头市潮阳县, born 1880-01-01): Σ = 195, mod 11 = 8 → "4"
const STANDARD_EXAMPLE_2 = "440524188001010014";

function expectRejected(input: string) {
  let r: ReturnType<typeof checkIdNumber> | undefined;
  expect(() => {
    r = checkIdNumber(input);
  }).not.toThrow();
  expect(r?.valid).toBe(false);
  if (r && !r.valid) {
    expect(typeof r.reason).toBe("string");
    expect(r.reason.trim().length).toBeGreaterThan(0);
    expect(r.reason).toMatch(/[\u4e00-\u9fff]/); // Simplified Chinese reason (contract)
  }
}

describe("checkIdNumber — GB 11643-1999 check character", () => {
  it("accepts the standard's example 11010519491231002X", () => {
    expect(refIdCheck(STANDARD_EXAMPLE.slice(0, 17))).toBe("X"); // reference sanity
    expect(checkIdNumber(STANDARD_EXAMPLE).valid).toBe(true);
  });

  it("accepts the standard's second example 440524188001010014 (born 1880-01-01, a real date)", () => {
    expect(refIdCheck(STANDARD_EXAMPLE_2.slice(0, 17))).toBe("4"); // reference sanity
    expect(checkIdNumber(STANDARD_EXAMPLE_2).valid).toBe(true);
  });

  it("accepts a Jiangxi (南昌 360102) number built with the reference check char", () => {
    expect(checkIdNumber(withRef("36010219900101123")).valid).toBe(true);
  });

  it("rejects every single-character substitution of the standard example (MOD 11-2 detects all)", () => {
    const id = STANDARD_EXAMPLE;
    for (let pos = 0; pos < 18; pos++) {
      const chars = pos === 17 ? "0123456789X" : "0123456789";
      for (const c of chars) {
        if (c === id.charAt(pos)) continue;
        expectRejected(id.slice(0, pos) + c + id.slice(pos + 1));
      }
    }
  });

  it("rejects lower-case x as check character, with a reason", () => {
    expectRejected("11010519491231002x");
  });

  it("rejects X anywhere but the last position", () => {
    expectRejected("X1010519491231002X");
    expectRejected("1101051949123100X2");
  });
});

describe("checkIdNumber — birth date at positions 7–14 must be a real date (GB 11643 §6.2)", () => {
  // every case carries the correct check char, so only the date can make it invalid
  it.each([
    ["2024-02-29 (leap year)", "20240229"],
    ["2000-02-29 (divisible by 400)", "20000229"],
    ["1999-12-31", "19991231"],
    ["1990-01-01", "19900101"],
  ])("accepts %s", (_t, ymd) => {
    expect(checkIdNumber(withRef(`360102${ymd}123`)).valid).toBe(true);
  });

  it.each([
    ["2023-02-29 (not a leap year)", "20230229"],
    ["1900-02-29 (century, not leap)", "19000229"],
    ["month 13", "19901301"],
    ["month 00", "19900001"],
    ["day 00", "19900100"],
    ["day 32", "19900132"],
    ["April 31", "19900431"],
  ])("rejects %s", (_t, ymd) => {
    expectRejected(withRef(`360102${ymd}123`));
  });
});

describe("checkIdNumber — bad inputs return {valid:false, reason} and never throw", () => {
  const good = STANDARD_EXAMPLE;
  const cases: [string, string][] = [
    ["empty string", ""],
    ["17 characters", good.slice(0, 17)],
    ["19 characters", `${good}0`],
    ["15-digit first-generation number", "110105491231002"],
    ["full-width digits", "１１０１０５１９４９１２３１００２Ｘ"],
    ["one full-width digit", `１${good.slice(1)}`],
    ["a space inside", `${good.slice(0, 6)} ${good.slice(6)}`],
    ["a space replacing a digit", `${good.slice(0, 6)} ${good.slice(7)}`],
    ["leading space", ` ${good}`],
    ["trailing space", `${good} `],
    ["hyphens", "110105-19491231-002X"],
    ["Chinese text", "居民身份证号码居民身份证号码居民身份"],
  ];
  for (const [title, input] of cases) {
    it(`rejects ${title}`, () => expectRejected(input));
  }

  for (const letter of "IOSVZ") {
    it(`rejects the letter ${letter} (in the body and as check char)`, () => {
      expectRejected(`${good.slice(0, 3)}${letter}${good.slice(4)}`);
      expectRejected(`${good.slice(0, 17)}${letter}`);
    });
  }
});

describe("idNumberCheckChar / withIdCheckChar — GB 11643-1999 §8.2", () => {
  it("gives X for the standard example and 4 for the second", () => {
    expect(idNumberCheckChar(STANDARD_EXAMPLE.slice(0, 17))).toBe("X");
    expect(idNumberCheckChar(STANDARD_EXAMPLE_2.slice(0, 17))).toBe("4");
    expect(withIdCheckChar(STANDARD_EXAMPLE.slice(0, 17))).toBe(STANDARD_EXAMPLE);
  });

  it("agrees with the reference for every residue Σ mod 11 (varying the last body digit)", () => {
    const seen = new Set<string>();
    for (let a = 0; a <= 9; a++) {
      for (let b = 0; b <= 9; b++) {
        const first17 = `360102199001011${a}${b}`;
        expect(idNumberCheckChar(first17)).toBe(refIdCheck(first17));
        expect(withIdCheckChar(first17)).toBe(withRef(first17));
        seen.add(refIdCheck(first17));
      }
    }
    expect(seen.size).toBe(11); // all of 1 0 X 9 8 7 6 5 4 3 2 exercised
  });

  it("returns null when the first 17 contain a non-digit", () => {
    expect(idNumberCheckChar("3601021990010112A")).toBeNull();
    expect(idNumberCheckChar("36010219900101１23")).toBeNull();
  });
});
