import type { Grade } from "../policy";

/** Issue 12 §6, 2020 plan §13–§14: what each grade means for the subject, shown beside it and in the CSV. */
export const GRADE_CONSEQUENCES: Record<Grade, string> = {
  A: "绿色通道、容缺受理；降低抽查比例和频次",
  B: "常规监管，按一般比例抽查",
  C: "提高抽查比例和频次",
  D: "约谈、重点监管；提高抽查比例和频次",
};
