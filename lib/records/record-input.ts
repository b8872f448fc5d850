import { z } from "zod";
import { isIsoDate } from "../calendar/dates";
import { checkIdNumber } from "../subjects/id-number";
import type { SubjectKind } from "../subjects/subject-kinds";
import { checkUscc, normalizeUscc } from "../subjects/uscc";
import { plainText } from "../web/text";
import { PENALTY_TYPES, type PenaltyType } from "./disclosure";

/**
 * DOMAIN §3: the national field sets of 行政处罚 and 行政许可, validated the same way for the console form,
 * the bulk import and the provider API. Messages are Chinese and name the field.
 */
export const COUNTERPART_CATEGORIES = {
  legal_entity: "法人及非法人组织",
  individual_business: "个体工商户",
  natural_person: "自然人",
} as const;
export type CounterpartCategory = keyof typeof COUNTERPART_CATEGORIES;
export const LICENCE_CATEGORIES = ["普通", "特许", "认可", "核准", "登记", "其他"] as const;
export const SEVERITY_LABELS = { general: "一般失信", serious: "严重失信" } as const;

// a field of 1,000 characters or more is a long text (facts, basis, content): line breaks are kept there
const LONG_TEXT = 1000;
const text = (label: string, max: number) =>
  z
    .string({ message: `${label}必填` })
    .trim()
    .min(1, `${label}必填`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .superRefine(plainText(label, { multiline: max >= LONG_TEXT }));
const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .superRefine(plainText(label, { multiline: max >= LONG_TEXT }))
    .optional()
    .transform((v) => v || null);

const date = (label: string, today: string) =>
  z
    .string({ message: `${label}必填` })
    .trim()
    .min(1, `${label}必填`)
    .refine(isIsoDate, `${label}应为有效日期，格式 YYYY-MM-DD`)
    .refine((v) => v <= today, `${label}不能晚于今天（${today}）`);
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `${label}应为有效日期，格式 YYYY-MM-DD`);

/** 万元, at most 6 decimals; "" means none. Negative numbers and text are refused. */
const amount = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine(
      (v) => v === null || /^\d{1,8}(\.\d{1,6})?$/.test(v),
      `${label}应为不小于 0 的数字（万元，最多 6 位小数）`,
    );

/** The counterpart: an organisation by USCC, or a natural person by ID number (DOMAIN §1–2). */
const counterpart = {
  counterpartName: text("行政相对人名称", 200),
  counterpartCategory: z.enum(["legal_entity", "individual_business", "natural_person"], {
    message: "行政相对人类别应为 法人及非法人组织、个体工商户 或 自然人",
  }),
  uscc: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? normalizeUscc(v) : null)),
  idNumber: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null)),
  legalRepresentative: optionalText("法定代表人", 64),
};

function checkCounterpart(
  v: { counterpartCategory: CounterpartCategory; uscc: string | null; idNumber: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.counterpartCategory === "natural_person") {
    const r = v.idNumber ? checkIdNumber(v.idNumber) : null;
    if (!r)
      ctx.addIssue({ code: "custom", path: ["idNumber"], message: "自然人须填写证件号码（居民身份证）" });
    else if (!r.valid) ctx.addIssue({ code: "custom", path: ["idNumber"], message: r.reason });
    return;
  }
  const r = v.uscc ? checkUscc(v.uscc) : null;
  if (!r) ctx.addIssue({ code: "custom", path: ["uscc"], message: "统一社会信用代码必填" });
  else if (!r.valid) ctx.addIssue({ code: "custom", path: ["uscc"], message: r.reason });
}

const COUNTERPART_KEYS = ["counterpartCategory", "uscc", "idNumber"];
/**
 * The counterpart's code is checked even when other fields of the row failed (issue 10: every error of a row
 * at once — zod skips an object's refinements after a field error unless told when to run them), as soon as
 * the fields it reads have parsed.
 */
const withCounterpartCheck = {
  when: (p: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    p.issues.every((i) => !COUNTERPART_KEYS.includes(String(i.path?.[0]))),
};

const penaltyTypes = z
  .union([z.string(), z.array(z.string())], { message: "处罚类别必填" })
  .transform((v) => (Array.isArray(v) ? v : v.split(/[;；,，、\s]+/)).map((s) => s.trim()).filter(Boolean))
  .refine((v) => v.length > 0, "处罚类别必填")
  .refine(
    (v) => v.every((t) => (PENALTY_TYPES as readonly string[]).includes(t)),
    `处罚类别应取自：${PENALTY_TYPES.join("、")}`,
  )
  .transform((v) => [...new Set(v)] as PenaltyType[]);

export function penaltyInputSchema(today: string) {
  return z
    .object({
      ...counterpart,
      decisionNo: text("行政处罚决定书文号", 128),
      violationType: text("违法行为类型", 200),
      violationFacts: text("违法事实", 5000),
      legalBasis: text("处罚依据", 2000),
      penaltyTypes,
      penaltyContent: text("处罚内容", 2000),
      fineAmount: amount("罚款金额"),
      confiscatedAmount: amount("没收违法所得、没收非法财物的金额"),
      licenceAffected: optionalText("暂扣或吊销证照名称及编号", 256),
      decisionDate: date("处罚决定日期", today),
      effectiveUntil: optionalDate("处罚有效期"),
      severity: z
        .enum(["general", "serious"], { message: "失信严重程度应为 一般 或 严重" })
        .optional()
        .transform((v) => v ?? "general"),
      remarks: optionalText("备注", 1000),
    })
    .superRefine(checkCounterpart, withCounterpartCheck)
    .superRefine((v, ctx) => {
      if (v.effectiveUntil && v.effectiveUntil < v.decisionDate) {
        ctx.addIssue({ code: "custom", path: ["effectiveUntil"], message: "处罚有效期不能早于处罚决定日期" });
      }
      if (v.penaltyTypes.includes("罚款") && v.fineAmount === null) {
        ctx.addIssue({ code: "custom", path: ["fineAmount"], message: "处罚类别含罚款时，罚款金额必填" });
      }
    });
}
export type PenaltyInput = z.output<ReturnType<typeof penaltyInputSchema>>;

export function licenceInputSchema(today: string) {
  return z
    .object({
      ...counterpart,
      decisionNo: text("行政许可决定文书号", 128),
      decisionTitle: text("行政许可决定文书名称", 200),
      category: z.enum(LICENCE_CATEGORIES, { message: `许可类别应为 ${LICENCE_CATEGORIES.join("、")} 之一` }),
      certificateName: optionalText("许可证书名称", 200),
      licenceNo: optionalText("许可编号", 128),
      content: text("许可内容", 2000),
      decisionDate: date("许可决定日期", today),
      validFrom: z
        .string()
        .trim()
        .min(1, "有效期自必填")
        .refine(isIsoDate, "有效期自应为有效日期，格式 YYYY-MM-DD"),
      validTo: optionalDate("有效期至"),
      remarks: optionalText("备注", 1000),
    })
    .superRefine(checkCounterpart, withCounterpartCheck)
    .superRefine((v, ctx) => {
      if (v.validTo && v.validTo < v.validFrom) {
        ctx.addIssue({ code: "custom", path: ["validTo"], message: "有效期至不能早于有效期自" });
      }
    });
}
export type LicenceInput = z.output<ReturnType<typeof licenceInputSchema>>;

/** 行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查: one generic shape (DOMAIN §3). */
export const ADMIN_ACT_KINDS = {
  enforcement: "行政强制",
  confirmation: "行政确认",
  levy: "行政征收",
  benefit: "行政给付",
  adjudication: "行政裁决",
  compensation: "行政补偿",
  reward: "行政奖励",
  inspection: "行政监督检查",
} as const;

export function actInputSchema(today: string) {
  return z
    .object({
      ...counterpart,
      kind: z.enum(Object.keys(ADMIN_ACT_KINDS) as [keyof typeof ADMIN_ACT_KINDS], {
        message: "行为类别无效",
      }),
      decisionNo: text("决定文书号", 128),
      title: text("决定名称", 200),
      content: text("决定内容", 2000),
      legalBasis: optionalText("依据", 2000),
      decisionDate: date("决定日期", today),
      remarks: optionalText("备注", 1000),
    })
    .superRefine(checkCounterpart, withCounterpartCheck);
}
export type ActInput = z.output<ReturnType<typeof actInputSchema>>;

/** The kind of subject a USCC registers (GB 32100 登记管理部门码 + 机构类别码); unknown pairs are organisations. */
export function subjectKindOf(category: CounterpartCategory, uscc: string | null): SubjectKind {
  if (category === "natural_person") return "natural_person";
  if (category === "individual_business") return "individual_business";
  const pair = uscc?.slice(0, 2) ?? "";
  const kinds: Record<string, SubjectKind> = {
    "91": "legal_person",
    "92": "individual_business",
    "93": "farmer_coop",
    "11": "government",
    "12": "institution",
    "51": "social_org",
    "52": "social_org",
    "53": "social_org",
  };
  return kinds[pair] ?? "unincorporated";
}

/** Column headers of the national 双公示 templates, in template order (the import's and the template's). */
export const PENALTY_HEADERS: Record<string, keyof z.input<ReturnType<typeof penaltyInputSchema>>> = {
  行政相对人名称: "counterpartName",
  行政相对人类别: "counterpartCategory",
  统一社会信用代码: "uscc",
  法定代表人: "legalRepresentative",
  证件号码: "idNumber",
  行政处罚决定书文号: "decisionNo",
  违法行为类型: "violationType",
  违法事实: "violationFacts",
  处罚依据: "legalBasis",
  处罚类别: "penaltyTypes",
  处罚内容: "penaltyContent",
  "罚款金额（万元）": "fineAmount",
  "没收违法所得、没收非法财物的金额（万元）": "confiscatedAmount",
  暂扣或吊销证照名称及编号: "licenceAffected",
  处罚决定日期: "decisionDate",
  处罚有效期: "effectiveUntil",
  失信严重程度: "severity",
  备注: "remarks",
};
export const LICENCE_HEADERS: Record<string, keyof z.input<ReturnType<typeof licenceInputSchema>>> = {
  行政相对人名称: "counterpartName",
  行政相对人类别: "counterpartCategory",
  统一社会信用代码: "uscc",
  法定代表人: "legalRepresentative",
  证件号码: "idNumber",
  行政许可决定文书号: "decisionNo",
  行政许可决定文书名称: "decisionTitle",
  许可类别: "category",
  许可证书名称: "certificateName",
  许可编号: "licenceNo",
  许可内容: "content",
  许可决定日期: "decisionDate",
  有效期自: "validFrom",
  有效期至: "validTo",
  备注: "remarks",
};

export type RecordKind = "penalty" | "licence";
export type RecordInput = PenaltyInput | LicenceInput;
export const RECORD_HEADERS: Record<RecordKind, Record<string, string>> = {
  penalty: PENALTY_HEADERS,
  licence: LICENCE_HEADERS,
};
export type RecordSchema = ReturnType<typeof penaltyInputSchema> | ReturnType<typeof licenceInputSchema>;

/**
 * A record kind's file: its national headers (name → field) and its row schema on a given day. The import, the
 * provider API and the template read this one table, so they accept the same columns and rows.
 */
export function recordFile(
  kind: RecordKind,
  today: string,
): { headers: Record<string, string>; schema: RecordSchema } {
  const schema = kind === "penalty" ? penaltyInputSchema(today) : licenceInputSchema(today);
  return { headers: RECORD_HEADERS[kind], schema };
}

const CATEGORY_BY_LABEL: Record<string, CounterpartCategory> = {
  法人及非法人组织: "legal_entity",
  法人: "legal_entity",
  非法人组织: "legal_entity",
  个体工商户: "individual_business",
  自然人: "natural_person",
};
const SEVERITY_BY_LABEL: Record<string, "general" | "serious"> = {
  一般: "general",
  一般失信: "general",
  严重: "serious",
  严重失信: "serious",
};

/**
 * A row of a file (header → cell text) as the schema's input: Chinese labels of 类别 and 严重程度 become their
 * keys; unknown labels are passed through so the schema names them.
 */
export function rowToInput(
  headers: Record<string, string>,
  row: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, field] of Object.entries(headers)) {
    const v = row[header];
    if (v !== undefined) out[field] = v;
  }
  if (out.counterpartCategory)
    out.counterpartCategory = CATEGORY_BY_LABEL[out.counterpartCategory.trim()] ?? out.counterpartCategory;
  if (out.severity) out.severity = SEVERITY_BY_LABEL[out.severity.trim()] ?? out.severity;
  return out;
}

/** The header a field is read from, to name it in an import report. */
export function headerOf(headers: Record<string, string>, field: string): string {
  return Object.entries(headers).find(([, f]) => f === field)?.[0] ?? field;
}
