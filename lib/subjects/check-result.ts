/** Outcome of a pure format check: never an exception, always a reason a person can read. */
export type CheckResult = { valid: true; warnings: string[] } | { valid: false; reason: string };

export const ok = (warnings: string[] = []): CheckResult => ({ valid: true, warnings });
export const fail = (reason: string): CheckResult => ({ valid: false, reason });

/** Describes characters a user cannot see are wrong: full-width forms and whitespace. */
export function describeOddCharacters(input: string): string | null {
  if (/[\uFF01-\uFF5E\u3000]/.test(input)) return "含有全角字符，请改用半角字母和数字";
  if (/\s/.test(input)) return "含有空格或换行";
  return null;
}
