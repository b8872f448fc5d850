"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isJiangxiDivision } from "@/lib/subjects/regions";
import { idField, usccField } from "@/lib/web/fields";
import { plainText } from "@/lib/web/text";
import { action } from "@/server/action";
import { setListCompetence } from "@/server/services/list-competence";
import { createDepartment, setDepartmentActive } from "@/server/services/manage-departments";

export const createDepartmentAction = action(
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,31}$/, "部门代码为 2–32 位小写字母、数字或下划线"),
    name: z
      .string()
      .trim()
      .min(2, "部门全称必填")
      .max(128, "部门全称不能超过 128 个字")
      .superRefine(plainText("部门全称")),
    shortName: z
      .string()
      .trim()
      .min(2, "简称必填")
      .max(32, "简称不能超过 32 个字")
      .superRefine(plainText("简称")),
    uscc: usccField(),
    regionCode: z.string().refine(isJiangxiDivision, "请选择所在区域"),
  }),
  { roles: ["sysadmin"], echo: true },
  async (input, ctx) => {
    await createDepartment(ctx, input);
    revalidatePath("/admin/departments");
    return { ok: true, message: `已新建部门：${input.name}` };
  },
);

export const setDepartmentActiveAction = action(
  z.object({
    id: z.coerce.number().int().positive(),
    active: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  { roles: ["sysadmin"] },
  async ({ id, active }, ctx) => {
    await setDepartmentActive(ctx, { id, active });
    revalidatePath("/admin/departments");
    return { ok: true, message: active ? "已启用。" : "已停用。" };
  },
);

/** Issue 20 N4: which departments besides its owner may propose entries on a list. */
export const setListCompetenceAction = action(
  z.object({
    listId: idField("名单"),
    deptId: idField("部门"),
    competent: z.enum(["true", "false"], { message: "操作无效" }),
  }),
  { roles: ["sysadmin"] },
  async ({ listId, deptId, competent }, ctx) => {
    await setListCompetence(ctx, { listId, deptId, competent: competent === "true" });
    revalidatePath("/admin/departments");
    return {
      ok: true,
      message: competent === "true" ? "已授权该部门提出列入建议。" : "已撤销该部门的授权。",
    };
  },
);
