"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CLASSIFICATION_KEYS, DATA_CLASS_KEYS, FREQUENCY_KEYS } from "@/lib/platform/catalogue";
import { GOV_DISHONESTY_KINDS } from "@/lib/platform/government";
import { INSTITUTION_KIND_KEYS, PURPOSE_KEYS } from "@/lib/platform/institutions";
import { MATTER_KEYS, MEASURE_LIST_EFFECT, type MeasureListKind } from "@/lib/platform/measures";
import { idField, manyOf, textField, usccField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { classifyCatalogueItem } from "@/server/services/platform/catalogue";
import {
  recordGovCommitment,
  recordGovDishonesty,
  setGovCommitmentStatus,
  settleGovDishonesty,
} from "@/server/services/platform/government";
import { registerInstitution, withdrawInstitution } from "@/server/services/platform/institutions";
import { giveCheckFeedback, officer, runJointCheck } from "@/server/services/platform/joint-checks";
import { saveMeasure } from "@/server/services/platform/measures";

const STAFF = ["operator", "reviewer", "supervisor"] as const;
const LIST_KINDS = Object.keys(MEASURE_LIST_EFFECT) as [MeasureListKind, ...MeasureListKind[]];
const empty = (v: unknown) => (v === "" ? undefined : v);

/** 联合奖惩核查 from the console, for a department without a system of its own (issue 23 §1). */
export const runCheckAction = action(
  z.object({
    uscc: usccField(),
    matter: z.enum(MATTER_KEYS, { message: "请选择核查事项" }),
  }),
  { roles: STAFF, echo: true },
  async (input, ctx) => {
    const r = await runJointCheck({ ...ctx, by: officer(ctx.actor) }, input);
    redirect(`/admin/platform/checks/${r.checkId}`);
  },
);

export const checkFeedbackAction = action(
  z.object({
    checkId: idField("核查编号"),
    applied: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(Number))),
    note: z.string().trim().max(1000, "说明不能超过 1000 个字").default(""),
  }),
  { roles: STAFF, echo: true },
  async (input, ctx) => {
    await giveCheckFeedback({ ...ctx, by: officer(ctx.actor) }, input);
    revalidatePath(`/admin/platform/checks/${input.checkId}`);
    return { ok: true, message: "成效反馈已提交。" };
  },
);

export const saveMeasureAction = action(
  z.object({
    id: z.preprocess(empty, idField("措施").optional()),
    code: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}-\d{3}$/, "措施编号格式为两位大写字母加三位数字，如 CJ-001"),
    listKind: z.enum(LIST_KINDS, { message: "请选择名单" }),
    matter: z.enum(MATTER_KEYS, { message: "请选择适用事项" }),
    content: textField("措施内容", 500, { multiline: true }),
    legalBasis: textField("法律政策依据", 500, { multiline: true }),
    active: z.preprocess((v) => v === "on", z.boolean()),
  }),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    await saveMeasure(ctx, input);
    revalidatePath("/admin/platform/measures");
    return { ok: true, message: `措施 ${input.code} 已保存。` };
  },
);

export const classifyItemAction = action(
  z.object({
    deptId: idField("部门"),
    dataClass: z.enum(DATA_CLASS_KEYS, { message: "数据项无效" }),
    classification: z.enum(CLASSIFICATION_KEYS, { message: "请选择共享属性" }),
    frequency: z.enum(FREQUENCY_KEYS, { message: "请选择更新频率" }),
    fields: z.string().trim().max(500, "主要字段不能超过 500 个字").default(""),
    confirmNarrowing: z.preprocess((v) => v === "on", z.boolean()),
  }),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    await classifyCatalogueItem(ctx, input);
    revalidatePath("/admin/platform/catalogue");
    revalidatePath("/catalogue");
    return { ok: true, message: "已保存，公开页面、开放数据和接口即时按新属性提供。" };
  },
);

export const registerInstitutionAction = action(
  () =>
    z.object({
      name: textField("机构名称", 128, { min: 4 }),
      kind: z.enum(INSTITUTION_KIND_KEYS, { message: "请选择机构类别" }),
      uscc: usccField(),
      authorisationNo: textField("授权文件文号", 64, { min: 4 }),
      authorisedUntil: z.iso.date("请填写授权有效期"),
      dataClasses: manyOf(DATA_CLASS_KEYS, "请至少选择一类授权查询的信息"),
      purposes: manyOf(PURPOSE_KEYS, "请至少选择一项查询用途"),
    }),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    const key = await registerInstitution(ctx, input);
    revalidatePath("/admin/platform/institutions");
    return {
      ok: true,
      message: "机构已登记。接口密钥只显示这一次，请立即复制并交给该机构：",
      data: { key },
    };
  },
);

export const withdrawInstitutionAction = action(
  z.object({ id: idField("机构") }),
  { roles: ["sysadmin"] },
  async ({ id }, ctx) => {
    await withdrawInstitution(ctx, { id });
    revalidatePath("/admin/platform/institutions");
    return { ok: true, message: "授权已撤销，该机构的密钥立即失效。" };
  },
);

const dateNotAfterToday = (label: string) => z.iso.date(`请填写${label}`);

export const govCommitmentAction = action(
  z.object({
    uscc: usccField(),
    title: textField("承诺事项", 200, { min: 4 }),
    content: textField("承诺内容", 2000, { min: 10, multiline: true }),
    counterparty: textField("承诺对象", 200, { min: 2 }),
    madeOn: dateNotAfterToday("承诺日期"),
    dueOn: z.preprocess(empty, z.iso.date("履约期限应为日期").optional()),
  }),
  { roles: ["operator"], echo: true },
  async (input, ctx) => {
    await recordGovCommitment(ctx, { ...input, dueOn: input.dueOn ?? null });
    revalidatePath("/admin/platform/government");
    return { ok: true, message: "政务承诺已记录并公示。" };
  },
);

export const govCommitmentStatusAction = action(
  z.object({
    id: idField("承诺"),
    status: z.enum(["fulfilled", "breached"], { message: "请选择履约情况" }),
    note: textField("认定说明", 500, { min: 4 }),
  }),
  { roles: ["operator"] },
  async (input, ctx) => {
    await setGovCommitmentStatus(ctx, input);
    revalidatePath("/admin/platform/government");
    return { ok: true, message: "履约情况已认定。" };
  },
);

export const govDishonestyAction = action(
  z.object({
    uscc: usccField(),
    kind: z.enum(GOV_DISHONESTY_KINDS, { message: "请选择失信类别" }),
    description: textField("失信情形", 2000, { min: 10, multiline: true }),
    amount: z.preprocess(
      empty,
      z
        .string()
        .regex(/^\d{1,10}(\.\d{1,2})?$/, "金额应为数字（万元），最多两位小数")
        .optional(),
    ),
    documentNo: textField("文书号", 128, { min: 4 }),
    decidedOn: dateNotAfterToday("认定日期"),
  }),
  { roles: ["operator"], echo: true },
  async (input, ctx) => {
    await recordGovDishonesty(ctx, { ...input, amount: input.amount ?? null });
    revalidatePath("/admin/platform/government");
    return { ok: true, message: "政务失信记录已保存并公示。" };
  },
);

export const settleGovDishonestyAction = action(
  z.object({ id: idField("记录"), settledOn: z.iso.date("请填写履行日期") }),
  { roles: ["operator"] },
  async (input, ctx) => {
    await settleGovDishonesty(ctx, input);
    revalidatePath("/admin/platform/government");
    return { ok: true, message: "已标记履行，该记录移出政务失信名单。" };
  },
);
