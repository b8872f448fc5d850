"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PAPER_METHODS } from "@/lib/notify/service";
import { idField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { checkCaseFiles } from "@/server/case-files";
import { recordPaperService } from "@/server/services/notify/paper-service";

const PAGE = {
  list_entry: "/admin/lists",
  repairs: "/admin/cases/repairs",
  objections: "/admin/cases/objections",
};

/** Issue 22 §3: a paper service of a case's notice, recorded with its date and the scanned 送达回证. */
export const recordServiceAction = action(
  z.object({
    caseType: z.enum(["list_entry", "repairs", "objections"]),
    caseId: idField(),
    method: z.enum(PAPER_METHODS, { message: "请选择送达方式" }),
    servedOn: z.iso.date("请填写送达日期"),
    note: z.string().trim().max(500, "说明不能超过 500 个字").optional(),
  }),
  { roles: ["operator", "reviewer"], echo: true },
  async (input, ctx, form) => {
    const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    await recordPaperService(ctx, { ...input, note: input.note ?? "" }, await checkCaseFiles(files));
    revalidatePath(`${PAGE[input.caseType]}/${input.caseId}`);
    return { ok: true, message: "已登记送达。" };
  },
);
