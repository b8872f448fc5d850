"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { REGULATOR_ROLES } from "@/lib/access/roles";
import { isJiangxiDivision } from "@/lib/subjects/regions";
import { manyOf } from "@/lib/web/fields";
import { plainText } from "@/lib/web/text";
import { action } from "@/server/action";
import {
  createUser,
  resetPassword,
  setUserStatus,
  unlockUser,
  updateUser,
} from "@/server/services/manage-users";

const sysadmin = { roles: ["sysadmin"] as const, echo: true };
const fields = {
  displayName: z
    .string()
    .trim()
    .min(1, "姓名必填")
    .max(64, "姓名不能超过 64 个字")
    .superRefine(plainText("姓名")),
  departmentId: z.coerce.number({ message: "请选择部门" }).int().positive("请选择部门"),
  regionCode: z.string().refine(isJiangxiDivision, "请选择管辖区域"),
  roles: manyOf(REGULATOR_ROLES, "请至少选择一个角色"),
};

export const createUserAction = action(
  z.object({
    ...fields,
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{2,31}$/, "用户名为 3–32 位小写字母、数字或下划线，以字母开头"),
    password: z.string().min(1, "请设置初始密码").max(200),
  }),
  sysadmin,
  async (input, ctx): Promise<never> => {
    const id = await createUser(ctx, input);
    redirect(`/admin/users/${id}?created=1`);
  },
);

export const updateUserAction = action(
  z.object({ id: z.coerce.number().int().positive(), ...fields }),
  sysadmin,
  async (input, ctx) => {
    await updateUser(ctx, input);
    const { id } = input;
    revalidatePath(`/admin/users/${id}`);
    return { ok: true, message: "已保存。新的角色和范围在该用户下一次操作时生效。" };
  },
);

export const setUserStatusAction = action(
  z.object({ id: z.coerce.number().int().positive(), status: z.enum(["active", "disabled"]) }),
  { roles: ["sysadmin"] },
  async ({ id, status }, ctx) => {
    await setUserStatus(ctx, { id, status });
    revalidatePath(`/admin/users/${id}`);
    return { ok: true, message: status === "disabled" ? "账号已停用，其登录已立即失效。" : "账号已启用。" };
  },
);

export const unlockUserAction = action(
  z.object({ id: z.coerce.number().int().positive() }),
  { roles: ["sysadmin"] },
  async ({ id }, ctx) => {
    await unlockUser(ctx, { id });
    revalidatePath(`/admin/users/${id}`);
    return { ok: true, message: "已解除锁定，该用户可以立即重新登录。" };
  },
);

export const resetPasswordAction = action(
  z.object({ id: z.coerce.number().int().positive() }),
  { roles: ["sysadmin"] },
  async ({ id }, ctx) => {
    const password = await resetPassword(ctx, { id });
    return {
      ok: true,
      message: `临时密码：${password}（只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改）`,
    };
  },
);
