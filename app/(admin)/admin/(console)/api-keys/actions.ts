"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { DEPARTMENT_SCOPES } from "@/lib/access/api-key-scopes";
import { manyOf } from "@/lib/web/fields";
import { plainText } from "@/lib/web/text";
import { action } from "@/server/action";
import { createApiKey, revokeApiKey } from "@/server/services/api-keys";

export const createApiKeyAction = action(
  z.object({
    departmentId: z.coerce.number({ message: "请选择部门" }).int().positive("请选择部门"),
    label: z
      .string()
      .trim()
      .min(2, "请填写用途说明")
      .max(64, "用途说明不能超过 64 个字")
      .superRefine(plainText("用途说明")),
    scopes: manyOf(DEPARTMENT_SCOPES, "请至少选择一项可调用的接口"),
  }),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    const key = await createApiKey(ctx, input);
    revalidatePath("/admin/api-keys");
    return {
      ok: true,
      message: "密钥已创建，只显示这一次，请立即复制并交给该部门业务系统的管理员：",
      data: { key },
    };
  },
);

export const revokeApiKeyAction = action(
  z.object({ id: z.coerce.number().int().positive() }),
  { roles: ["sysadmin"] },
  async ({ id }, ctx) => {
    await revokeApiKey(ctx, { id });
    revalidatePath("/admin/api-keys");
    return { ok: true, message: "密钥已吊销，立即失效。" };
  },
);
