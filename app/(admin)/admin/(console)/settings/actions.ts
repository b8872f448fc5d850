"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { policyField } from "@/lib/policy-fields";
import { action } from "@/server/action";
import { updateSetting } from "@/server/services/settings/update-setting";

export const updateSettingAction = action(
  z
    .object({
      key: z.string().refine((k) => policyField(k) !== undefined, "没有这项设置"),
      version: z.coerce.number().int().min(0),
    })
    .catchall(z.string().max(32)),
  { roles: ["sysadmin"], echo: true },
  async ({ key, version, ...rest }, ctx) => {
    const form = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
    const r = await updateSetting(ctx, { key, version, form });
    revalidatePath("/admin/settings");
    return {
      ok: true,
      message: r.jobId
        ? `已保存为第 ${r.version} 版；正在按新门槛重新计算所有行政处罚的公示范围。`
        : `已保存为第 ${r.version} 版，即时生效。`,
    };
  },
);
