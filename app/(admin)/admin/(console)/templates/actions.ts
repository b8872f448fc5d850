"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { textField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { saveCommitmentTemplate } from "@/server/services/cases/commitments";

const TYPES = ["approval_substitute", "tolerance", "self_discipline", "voluntary", "repair"] as const;

/** Fields are written one per line as 「key=名称」, e.g. 「matter=申请事项」. */
const fieldLines = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const out: { key: string; label: string }[] = [];
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      if (!line.trim()) continue;
      const m = line.trim().match(/^([a-z][a-z0-9_]{0,31})\s*[=＝]\s*(\S.{0,31})$/);
      if (!m) {
        ctx.addIssue({
          code: "custom",
          message: `第 ${i + 1} 行应写作“英文键=中文名称”，如 matter=申请事项`,
        });
        return z.NEVER;
      }
      out.push({ key: m[1] as string, label: (m[2] as string).trim() });
    }
    return out;
  });

export const saveTemplateAction = action(
  z.object({
    seriesId: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    type: z.enum(TYPES, { message: "请选择承诺类型" }),
    title: textField("模板标题", 128),
    body: textField("承诺书正文", 4000, { multiline: true, min: 10 }),
    fields: fieldLines,
  }),
  { roles: ["reviewer"], echo: true },
  async (input, ctx) => {
    const r = await saveCommitmentTemplate(ctx, input);
    revalidatePath("/admin/templates");
    return { ok: true, message: `已保存为第 ${r.version} 版；已签署的承诺保留其签署时的版本。` };
  },
);
