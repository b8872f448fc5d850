import { isIsoDate } from "../calendar/dates";
import { type CheckResult, describeOddCharacters, fail, ok } from "./check-result";

// GB 11643-1999 §8.2: ISO 7064 MOD 11-2 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function checkIdNumber(input: string): CheckResult {
  if (typeof input !== "string" || input.length === 0) return fail("身份证号码为空");
  const odd = describeOddCharacters(input);
  if (odd) return fail(`身份证号码${odd}`);
  if (input.length !== 18) return fail(`身份证号码应为 18 位，实际 ${input.length} 位`);
  if (input.charAt(17) === "x") return fail("身份证号码末位校验码应为大写 X");
  if (!/^\d{17}[\dX]$/.test(input)) return fail("身份证号码前 17 位应为数字，末位为数字或 X");
  const birth = `${input.slice(6, 10)}-${input.slice(10, 12)}-${input.slice(12, 14)}`;
  if (!isIsoDate(birth)) return fail(`身份证号码中的出生日期 ${birth} 不是有效日期`);
  const expected = idNumberCheckChar(input.slice(0, 17));
  if (expected !== input.charAt(17)) {
    return fail(`身份证号码校验码错误：末位应为 ${expected}，实际为 ${input.charAt(17)}`);
  }
  return ok();
}

export function withIdCheckChar(first17: string): string {
  const c = idNumberCheckChar(first17);
  if (c === null) throw new RangeError(`cannot compute a check character for ${first17}`);
  return first17 + c;
}
