"use client";

import type { ActionState } from "@/lib/web/action-state";
import { ActionForm, StateField } from "./action-form";
import { FormMessage } from "./form";

type Act = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function BeginTotpForm({ action }: { action: Act }) {
  return <ActionForm action={action} submit="启用动态验证码" className="space-y-3" />;
}

export function ConfirmTotpForm({ action }: { action: Act }) {
  return (
    <ActionForm
      action={action}
      submit="验证并启用"
      className="max-w-xs space-y-3"
      done={(answer) => {
        const codes = answer.data?.codes as string[] | undefined;
        return codes ? <RecoveryCodes answer={answer} codes={codes} /> : null;
      }}
    >
      <StateField label="验证码" name="code" inputMode="numeric" autoComplete="one-time-code" required />
    </ActionForm>
  );
}

function RecoveryCodes({ answer, codes }: { answer: ActionState; codes: string[] }) {
  return (
    <div className="space-y-2">
      <FormMessage state={answer} />
      <p className="font-medium">恢复码（每个只能用一次，只显示这一次，请抄写或打印后妥善保管）：</p>
      <ul aria-label="恢复码" className="grid max-w-sm grid-cols-2 gap-1 font-mono">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

export function DisableTotpForm({ action }: { action: Act }) {
  return (
    <ActionForm action={action} submit="停用动态验证码" className="max-w-xs space-y-3">
      <StateField label="当前密码" name="password" type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
