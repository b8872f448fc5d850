"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { Field, FormMessage, SubmitButton } from "./form";

type Act = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function BeginTotpForm({ action }: { action: Act }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton>启用动态验证码</SubmitButton>
    </form>
  );
}

export function ConfirmTotpForm({ action }: { action: Act }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  const codes = state?.ok ? (state.data?.codes as string[] | undefined) : undefined;
  if (codes) {
    return (
      <div className="space-y-2">
        <FormMessage state={state} />
        <p className="font-medium">恢复码（每个只能用一次，只显示这一次，请抄写或打印后妥善保管）：</p>
        <ul aria-label="恢复码" className="grid max-w-sm grid-cols-2 gap-1 font-mono">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form action={formAction} className="max-w-xs space-y-3">
      <FormMessage state={state} />
      <Field
        label="验证码"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        error={state && !state.ok ? state.fieldErrors?.code : undefined}
      />
      <SubmitButton>验证并启用</SubmitButton>
    </form>
  );
}

export function DisableTotpForm({ action }: { action: Act }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="max-w-xs space-y-3">
      <FormMessage state={state} />
      <Field
        label="当前密码"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state && !state.ok ? state.fieldErrors?.password : undefined}
      />
      <SubmitButton>停用动态验证码</SubmitButton>
    </form>
  );
}
