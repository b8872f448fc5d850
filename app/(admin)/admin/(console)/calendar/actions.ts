"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { textField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { setCalendarDay } from "@/server/services/manage-calendar";

export const setCalendarDayAction = action(
  z.discriminatedUnion(
    "kind",
    [
      z.object({
        date: z.iso.date("请选择日期"),
        kind: z.enum(["holiday", "workday"]),
        name: textField("名称", 64),
      }),
      z.object({
        date: z.iso.date("请选择日期"),
        kind: z.literal("normal"),
        name: z.string().optional().default(""),
      }),
    ],
    { message: "请选择日期类型" },
  ),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    const { moved } = await setCalendarDay(ctx, input);
    revalidatePath("/admin/calendar");
    const what =
      input.kind === "holiday" ? "法定节假日" : input.kind === "workday" ? "调休上班日" : "普通日期";
    return { ok: true, message: `已将 ${input.date} 设为${what}；重新计算了 ${moved} 件办理中事项的期限。` };
  },
);
