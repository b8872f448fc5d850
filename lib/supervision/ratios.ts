import type { Grade } from "../policy";
import { GRADES } from "./draw";

/**
 * Issue 12 §2: a department's inspection ratios as a supervisor types them — a percentage per grade, 0 to 100,
 * at most two decimals (DOMAIN §9 defaults A 3 %, B 5 %, C 10 %, D 30 %). Stored as fractions.
 */
export function parseRatioForm(
  form: Partial<Record<Grade, string>>,
): { ok: true; ratios: Record<Grade, number> } | { ok: false; message: string; field: Grade } {
  const ratios = {} as Record<Grade, number>;
  for (const g of GRADES) {
    const raw = (form[g] ?? "").trim().replace(/[%％]$/, "");
    if (raw === "") return { ok: false, field: g, message: `请填写 ${g} 级的抽查比例。` };
    if (!/^\d+(\.\d{1,2})?$/.test(raw) || Number(raw) > 100)
      return { ok: false, field: g, message: `${g} 级的抽查比例应在 0% 到 100% 之间，最多两位小数。` };
    ratios[g] = Math.round(Number(raw) * 100) / 10000;
  }
  return { ok: true, ratios };
}

/** 2020 plan §14: better credit is inspected less. Null when the ratios keep that order, else a warning. */
export function ratioOrderWarning(r: Record<Grade, number>): string | null {
  return r.A <= r.B && r.B <= r.C && r.C <= r.D
    ? null
    : "提示：信用越好抽查比例应越低（A ≤ B ≤ C ≤ D，2020 年方案第 14 条）。";
}

export const percent = (fraction: number) => `${Math.round(fraction * 10000) / 100}%`;
