import { compareDates, type IsoDate, isIsoDate } from "../calendar/dates";
import { textProblem } from "../web/text";
import type { ObjectionTarget } from "../workflows/objection";

/**
 * DOMAIN §8 更正: the fields of a record the public reads that an upheld objection may correct. Keys, the
 * identifying ones (文号, 日期, 相对人) are not here: a record wrong in those is withdrawn (撤销) and entered anew.
 */
export type CorrectableField = {
  name: string;
  label: string;
  type: "text" | "textarea" | "date";
  max: number;
};

export const CORRECTABLE: Record<ObjectionTarget, CorrectableField[]> = {
  penalty: [
    { name: "violationType", label: "违法行为类型", type: "text", max: 200 },
    { name: "violationFacts", label: "违法事实", type: "textarea", max: 4000 },
    { name: "legalBasis", label: "处罚依据", type: "textarea", max: 2000 },
    { name: "penaltyContent", label: "处罚内容", type: "textarea", max: 2000 },
  ],
  licence: [
    { name: "content", label: "许可内容", type: "textarea", max: 4000 },
    { name: "certificateName", label: "许可证书名称", type: "text", max: 200 },
    { name: "licenceNo", label: "许可编号", type: "text", max: 128 },
    { name: "validTo", label: "有效期至", type: "date", max: 10 },
  ],
  list_entry: [
    { name: "facts", label: "失信行为 / 守信事实", type: "textarea", max: 4000 },
    { name: "basis", label: "认定依据", type: "textarea", max: 2000 },
    { name: "validUntil", label: "有效期至", type: "date", max: 10 },
  ],
};

export type Correction =
  | { ok: true; changes: Record<string, string | null>; summary: string }
  | { ok: false; errors: Record<string, string>; message: string };

/**
 * What 更正 changes: only the correctable fields that differ from the record, each checked; nothing changed is
 * refused (a correction that corrects nothing is 维持). `from` is the day the record took effect (a validity
 * may not end before it).
 */
export function correctionOf(
  target: ObjectionTarget,
  current: Record<string, unknown>,
  proposed: Record<string, string | undefined>,
  from: IsoDate,
): Correction {
  const changes: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  const said: string[] = [];
  for (const f of CORRECTABLE[target]) {
    const raw = proposed[f.name];
    if (raw === undefined) continue;
    const value = raw.trim();
    const before = current[f.name] === null || current[f.name] === undefined ? "" : String(current[f.name]);
    if (value === before) continue;
    if (value === "") {
      if (f.name === "validTo" || f.name === "certificateName" || f.name === "licenceNo") {
        changes[f.name] = null;
        said.push(`${f.label}：删除`);
      } else errors[f.name] = `${f.label}不能为空`;
      continue;
    }
    if (value.length > f.max) {
      errors[f.name] = `${f.label}不能超过 ${f.max} 个字`;
      continue;
    }
    const problem = textProblem(value, { multiline: f.type === "textarea" });
    if (problem) {
      errors[f.name] = `${f.label}${problem}`;
      continue;
    }
    if (f.type === "date") {
      if (!isIsoDate(value)) {
        errors[f.name] = `${f.label}须为有效日期（YYYY-MM-DD）`;
        continue;
      }
      if (compareDates(value, from) < 0) {
        errors[f.name] = `${f.label}不能早于生效日期 ${from}`;
        continue;
      }
    }
    changes[f.name] = value;
    said.push(`${f.label}：“${short(before)}”改为“${short(value)}”`);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, message: "更正内容有误，请按提示修改。" };
  if (said.length === 0)
    return {
      ok: false,
      errors: {},
      message: "更正内容与原记录相同：若核实后记录无误，请选择“维持原记录”并说明理由。",
    };
  return { ok: true, changes, summary: said.join("；") };
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s || "（空）");
