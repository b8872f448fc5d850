"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
import { changePasswordAction } from "./password-actions";

export function PasswordForm() {
  const [state, formAction] = useActionState<ActionState, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <Field
        label="当前密码"
        name="current"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.current}
      />
      <Field
        label="新密码"
        name="next"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.next}
        hint="至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 类，且不含用户名。"
      />
      <Field
        label="确认新密码"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.confirm}
      />
      <SubmitButton pendingText="正在保存…">修改密码</SubmitButton>
    </form>
  );
}
