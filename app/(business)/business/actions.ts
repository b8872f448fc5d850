"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState, LoginState } from "@/lib/web/action-state";
import { phoneField, textField, usccField } from "@/lib/web/fields";
import { publicStep } from "@/server/action";
import { signOut } from "@/server/auth";
import { currentUser } from "@/server/auth/guard";
import { requestFromThisSite, requestMeta } from "@/server/auth/request-meta";
import { signInWith } from "@/server/auth/sign-in-action";
import { getDb } from "@/server/db";
import { activateBusiness, registerBusiness } from "@/server/services/business-accounts";
import { closeSession } from "@/server/services/sessions";

const signInToPortal = signInWith("business");

export async function businessSignInAction(prev: LoginState, form: FormData): Promise<LoginState> {
  return signInToPortal(prev, form);
}

const registration = z
  .object({
    uscc: usccField(),
    name: textField("企业名称", 200),
    contactName: textField("联系人姓名", 64),
    phone: phoneField(),
    password: z.string().min(1, "请设置密码").max(200, "密码过长"),
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "两次输入的密码不一致" });

export async function registerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(registration, form, ["password", "password2"], async (input) => {
    await registerBusiness(await getDb(), await requestMeta(), input);
    redirect(`/business/activate?registered=1&uscc=${input.uscc}`);
  });
}

const activation = z.object({
  uscc: usccField(),
  password: z.string().min(1, "请输入注册时设置的密码").max(200, "密码过长"),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/, "激活码为 8 位字母和数字，如 7K3M-Q9TX"),
});

export async function activateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(activation, form, ["password", "code"], async (input) => {
    await activateBusiness(await getDb(), await requestMeta(), input);
    redirect("/business/login?reason=activated");
  });
}

export async function businessSignOutAction(): Promise<void> {
  if (!(await requestFromThisSite())) return;
  const user = await currentUser();
  if (user) await closeSession(await getDb(), { sid: user.sessionId, ...(await requestMeta()) });
  await signOut({ redirectTo: "/business/login?reason=revoked" });
}
