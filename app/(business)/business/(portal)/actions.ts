"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { REPAIR_TARGETS } from "@/lib/records/repair-eligibility";
import { choiceField, idField, mustTick, phoneField, submissionKeyField, textField } from "@/lib/web/fields";
import { SELF_REPORT_CATEGORIES } from "@/lib/workflows/self-report";
import { action } from "@/server/action";
import { checkCaseFiles } from "@/server/case-files";
import { submitCommitment } from "@/server/services/cases/commitments";
import { acknowledgeListNotice, submitStatement } from "@/server/services/cases/list-decisions";
import { applyForRepair } from "@/server/services/cases/repairs";
import { submitSelfReport } from "@/server/services/cases/self-reports";

const roles = ["business"] as const;
const files = (form: FormData) => form.getAll("files").filter((f): f is File => f instanceof File);

export const submitCommitmentAction = action(
  z
    .object({
      templateId: choiceField("承诺书模板"),
      deptId: choiceField("受理部门"),
      signerName: textField("签署人姓名", 64),
      agree: mustTick("请勾选“本单位已阅读并自愿作出上述承诺”"),
      submissionKey: submissionKeyField(),
      // the template's blanks arrive as f_<key>
    })
    .loose(),
  { roles, echo: true },
  async (input, ctx) => {
    const specifics: Record<string, string> = {};
    for (const [k, v] of Object.entries(input))
      if (k.startsWith("f_") && typeof v === "string") specifics[k.slice(2)] = v.trim().slice(0, 500);
    const r = await submitCommitment(ctx, { ...input, specifics });
    redirect(`/business/commitments/${r.id}`);
  },
);

export const submitSelfReportAction = action(
  () =>
    z.object({
      category: z.enum(SELF_REPORT_CATEGORIES, { message: "请选择申报类别" }),
      title: textField("事项名称", 200),
      issuer: textField("颁发或认定单位", 200),
      occurredOn: z.iso
        .date("请填写取得日期")
        .refine((d) => d <= new Date().toISOString().slice(0, 10), "取得日期不能晚于今天"),
      description: textField("具体内容", 2000, { multiline: true }),
      deptId: choiceField("核验部门"),
      pledgeSigner: textField("承诺人姓名", 64),
      pledge: mustTick("请勾选真实性承诺"),
      submissionKey: submissionKeyField(),
    }),
  { roles, echo: true },
  async (input, ctx, form) => {
    const r = await submitSelfReport(ctx, input, await checkCaseFiles(files(form)));
    redirect(`/business/self-reports/${r.id}`);
  },
);

export const applyRepairAction = action(
  z.object({
    targetType: z.enum(REPAIR_TARGETS, {
      message: "请从“我的信用”中选择要修复的记录",
    }),
    targetId: idField("记录"),
    statement: textField("纠正失信行为、履行法定义务的情况", 2000, { min: 10, multiline: true }),
    contactName: textField("联系人", 64),
    phone: phoneField(),
    signerName: textField("签署人姓名", 64),
    pledge: mustTick("请勾选并签署信用修复承诺书"),
    submissionKey: submissionKeyField(),
  }),
  { roles, echo: true },
  async (input, ctx, form) => {
    const r = await applyForRepair(ctx, input, await checkCaseFiles(files(form)));
    redirect(`/business/repairs/${r.id}`);
  },
);

/** 陈述申辩 to a 告知 (DOMAIN §5), once, before its deadline, with attachments. */
export const submitStatementAction = action(
  z.object({
    id: idField("告知"),
    statement: textField("陈述申辩意见", 4000, { min: 10, multiline: true }),
    confirm: mustTick("请确认提交后不能再修改"),
  }),
  { roles, echo: true },
  async (input, ctx, form) => {
    await submitStatement(ctx, input, await checkCaseFiles(files(form)));
    redirect(`/business/lists/${input.id}?stated=1`);
  },
);

/** Issue 22 §3: the company signs for its 告知; the time is recorded as its service. */
export const acknowledgeNoticeAction = action(
  z.object({ id: idField("告知") }),
  { roles },
  async (input, ctx) => {
    await acknowledgeListNotice(ctx, input);
    revalidatePath(`/business/lists/${input.id}`);
    return { ok: true, message: "已签收。陈述申辩期自今日起计算。" };
  },
);
