"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isJiangxiDivision } from "@/lib/subjects/regions";
import { SUBJECT_KIND_KEYS } from "@/lib/subjects/subject-kinds";
import { idField, textField } from "@/lib/web/fields";
import { plainText } from "@/lib/web/text";
import { action } from "@/server/action";
import { today } from "@/server/clock";
import { confirmDraw, previewDraw, recordInspectionResult } from "@/server/services/supervision/draws";
import { updateGradingRules } from "@/server/services/supervision/grading-rules";
import { addInspector, setInspectorActive } from "@/server/services/supervision/inspectors";
import { recordInterview } from "@/server/services/supervision/interviews";
import { updateInspectionRatios } from "@/server/services/supervision/ratios";

const version = z.coerce.number().int().min(0);
const number = z.string().trim().max(16, "数值过长");
const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .superRefine(plainText(label, { multiline: true }))
    .optional();

/** Issue 12 §1: weights and bands; lib/grading/rules-form checks ranges and order. */
export const updateRulesAction = action(
  z.object({
    version,
    start: number,
    generalPenalty: number,
    seriousPenalty: number,
    redListEntry: number,
    breachedCommitment: number,
    fulfilledCommitment: number,
    bandA: number,
    bandB: number,
    bandC: number,
  }),
  { roles: ["supervisor"], echo: true },
  async ({ version, ...form }, ctx) => {
    const r = await updateGradingRules(ctx, { version, form });
    revalidatePath("/admin/supervision", "layout");
    return { ok: true, message: `已保存为规则 ${r.ruleVersion}，已按新规则重新评价 ${r.regraded} 个主体。` };
  },
);

/** Issue 12 §2: the department's ratio per grade, in percent. */
export const updateRatiosAction = action(
  z.object({ version, A: number, B: number, C: number, D: number }),
  { roles: ["supervisor"], echo: true },
  async ({ version, ...form }, ctx) => {
    const r = await updateInspectionRatios(ctx, { version, form });
    revalidatePath("/admin/supervision/rules");
    return { ok: true, message: `已保存本部门抽查比例（第 ${r.version} 版），下一次抽查起生效。` };
  },
);

export const addInspectorAction = action(
  z.object({
    name: textField("姓名", 32),
    badgeNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{4,32}$/, "执法证号应为 4–32 位字母、数字或连字符"),
  }),
  { roles: ["supervisor"], echo: true },
  async (input, ctx) => {
    await addInspector(ctx, input);
    revalidatePath("/admin/supervision/inspectors");
    return { ok: true, message: `已将 ${input.name} 加入检查人员名录。` };
  },
);

export const setInspectorActiveAction = action(
  z.object({ id: idField(), active: z.enum(["true", "false"]) }),
  { roles: ["supervisor"] },
  async ({ id, active }, ctx) => {
    await setInspectorActive(ctx, { id, active: active === "true" });
    revalidatePath("/admin/supervision/inspectors");
    return { ok: true, message: active === "true" ? "已恢复。" : "已停用，今后的抽查不再选派。" };
  },
);

const empty = (v: unknown) => (v === "" ? undefined : v);

/** Issue 12 §3 step one: a preview with its seed; nothing is published yet. */
export const previewDrawAction = action(
  z.object({
    title: textField("抽查事项", 200, { min: 4 }),
    regionCode: z.preprocess(empty, z.string().refine(isJiangxiDivision, "请选择地区").optional()),
    kind: z.preprocess(
      empty,
      z
        .enum(
          SUBJECT_KIND_KEYS.filter((k) => k !== "natural_person" && k !== "government") as [
            string,
            ...string[],
          ],
          {
            message: "请选择主体类型",
          },
        )
        .optional(),
    ),
    industry: z.preprocess(
      empty,
      z
        .string()
        .regex(/^[A-T]$/, "请选择行业")
        .optional(),
    ),
    inspectorIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.coerce.number().int().positive()).max(500),
    ),
  }),
  { roles: ["supervisor"], echo: true },
  async ({ title, regionCode, kind, industry, inspectorIds }, ctx) => {
    const pool = {
      ...(regionCode ? { regionCode } : {}),
      ...(kind ? { kind: kind as never } : {}),
      ...(industry ? { industry } : {}),
    };
    const r = await previewDraw(ctx, { title, pool, inspectorIds });
    redirect(`/admin/supervision/draws/${r.id}`);
  },
);

/** Step two: confirm the preview; a changed pool gives a new preview instead. */
export const confirmDrawAction = action(
  z.object({ id: idField() }),
  { roles: ["supervisor"] },
  async ({ id }, ctx) => {
    const r = await confirmDraw(ctx, { id });
    if (!r.ok) redirect(`/admin/supervision/draws/${r.newPreviewId}?changed=${id}`);
    revalidatePath("/admin/supervision/draws");
    redirect(`/admin/supervision/draws/${id}`);
  },
);

export const recordResultAction = action(
  () =>
    z.object({
      drawId: idField(),
      subjectId: idField(),
      result: z.enum(["qualified", "rectify", "case"], { message: "请选择检查结果" }),
      on: z.iso.date("请填写检查日期").refine((d) => d <= today(), "检查日期不能晚于今天"),
      note: optional(500, "说明"),
    }),
  { roles: ["supervisor"], echo: true },
  async (input, ctx) => {
    await recordInspectionResult(ctx, input);
    revalidatePath(`/admin/supervision/draws/${input.drawId}`);
    return { ok: true, message: "检查结果已保存，并在公示页显示。" };
  },
);

export const recordInterviewAction = action(
  () =>
    z.object({
      subjectId: idField(),
      kind: z.enum(["prompt", "warning"], { message: "请选择约谈类型" }),
      heldOn: z.iso.date("请填写约谈日期").refine((d) => d <= today(), "约谈日期不能晚于今天"),
      matter: textField("约谈事由", 1000, { min: 4, multiline: true }),
      outcome: optional(1000, "约谈结果"),
      rectifyBy: z.preprocess(empty, z.iso.date("整改期限应为日期").optional()),
    }),
  { roles: ["supervisor"], echo: true },
  async (input, ctx) => {
    await recordInterview(ctx, input);
    revalidatePath("/admin/supervision/subjects", "layout");
    return { ok: true, message: "约谈记录已保存。" };
  },
);
