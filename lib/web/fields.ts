import { z } from "zod";
import { normalizeActivationCode } from "../access/activation-code";
import { checkUscc, normalizeUscc } from "../subjects/uscc";
import { MAX_INT_PARAM } from "./query-string";
import { plainText } from "./text";

/** Form fields that several forms share, each with its Chinese messages. */
export const usccField = () =>
  z
    .string()
    .trim()
    .transform(normalizeUscc)
    .superRefine((v, ctx) => {
      const r = checkUscc(v);
      if (!r.valid) ctx.addIssue({ code: "custom", message: r.reason });
    });

/** A required text of `min`–`max` characters, named in its messages; `multiline` keeps line breaks. */
export const textField = (label: string, max: number, opts: { min?: number; multiline?: boolean } = {}) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(opts.min ?? 1, opts.min && opts.min > 1 ? `${label}至少 ${opts.min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .superRefine(plainText(label, { multiline: opts.multiline }));

/** A reviewer's optional opinion on a decision (the machine says when one is required). */
export const opinionField = () =>
  z
    .string()
    .trim()
    .max(1000, "意见不能超过 1000 个字")
    .superRefine(plainText("意见", { multiline: true }))
    .optional();

/** A mainland mobile or a landline with area code. */
export const phoneField = () =>
  z
    .string()
    .trim()
    .regex(
      /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
      "请填写 11 位手机号码，或带区号的固定电话（如 0791-88888888）",
    );

/** How someone without an account can be answered: a phone number as above, or an e-mail address. */
export const contactField = () =>
  z
    .string()
    .trim()
    .max(128, "联系方式不能超过 128 个字符")
    .refine(
      (v) =>
        /^(\+?86[\s-]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v.replace(/\s/g, "")) ||
        z.email().safeParse(v).success,
      "请填写手机号码、带区号的固定电话或电子邮箱",
    );

/** A row id from a form, within PostgreSQL's integer (issue 20 N12: 99999999999 must not reach the database). */
export const idField = (label = "编号") =>
  z.coerce
    .number({ message: `${label}无效` })
    .int(`${label}无效`)
    .positive(`${label}无效`)
    .max(MAX_INT_PARAM, `${label}无效`);

/** The key a form carries from its first render, so that submitting it twice makes one case. */
export const submissionKeyField = () => z.uuid("表单已失效，请刷新页面后重新填写");

/** A checkbox that must be ticked: the form sends "on". */
export const mustTick = (message: string) => z.literal("on", { message });

/** The id chosen in a select: an empty choice asks to choose. */
export const choiceField = (label: string) =>
  z.coerce
    .number({ message: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`);

/** Checkboxes of one name: one ticked arrives as a string, several as an array; none is refused with `message`. */
export const manyOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).min(1, message)], { message })
    .transform((v): T[number][] => (Array.isArray(v) ? v : [v]));

/** A public case's number (its kind's prefix and 14 digits) and its tracking secret, as the filer types them. */
export const caseKeyFields = (prefix: string) => ({
  caseNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^${prefix}\\d{14}$`), `案号为 ${prefix} 加 14 位数字，如 ${prefix}20261202000001`),
  secret: z
    .string()
    .trim()
    .transform(normalizeActivationCode)
    .pipe(z.string().regex(/^[0-9A-Z]{12}$/, "查询码为 12 位字母和数字，如 7K3M-Q9TX-4HNP")),
});
