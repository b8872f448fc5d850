"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { changePasswordAction } from "./password-actions";

export function PasswordForm() {
  return (
    <ActionForm action={changePasswordAction} submit="修改密码" pendingText="正在保存…">
      <StateField label="当前密码" name="current" type="password" autoComplete="current-password" required />
      <StateField
        label="新密码"
        name="next"
        type="password"
        autoComplete="new-password"
        required
        hint="至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 类，且不含用户名。"
      />
      <StateField label="确认新密码" name="confirm" type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}
