"use client";

import { ActionForm, StateField } from "@/components/action-form";
import {
  confirmEmailAction,
  confirmSmsAction,
  requestEmailCodeAction,
  requestSmsCodeAction,
  saveNotifyPrefsAction,
} from "./notify-actions";

const ROW = "flex flex-wrap items-end gap-3 [&>label]:min-w-56 [&>label]:flex-1";

export function ContactForms({
  channel,
  current,
  pending,
}: {
  channel: "email" | "sms";
  current: string | null;
  pending: string | null;
}) {
  const email = channel === "email";
  return (
    <div className="space-y-3">
      <ActionForm
        action={email ? requestEmailCodeAction : requestSmsCodeAction}
        submit={current ? "更换并发送验证码" : "发送验证码"}
        className={ROW}
        noValidate
      >
        <StateField
          label={email ? "电子邮箱" : "手机号码"}
          name="address"
          type={email ? "email" : "tel"}
          inputMode={email ? "email" : "numeric"}
          autoComplete={email ? "email" : "tel"}
          defaultValue={pending ?? current ?? ""}
        />
      </ActionForm>
      {pending && (
        <ActionForm
          action={email ? confirmEmailAction : confirmSmsAction}
          submit="验证"
          className={ROW}
          noValidate
        >
          <StateField
            label={`发往 ${pending} 的验证码`}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
        </ActionForm>
      )}
    </div>
  );
}

export function PrefsForm({
  kinds,
  email,
  sms,
}: {
  kinds: { kind: string; label: string; email: boolean; sms: boolean }[];
  email: boolean;
  sms: boolean;
}) {
  return (
    <ActionForm action={saveNotifyPrefsAction} submit="保存通知方式" className="space-y-3">
      <input type="hidden" name="shown" value="1" />
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3">消息类型</th>
            <th className="py-1 pr-3">站内信</th>
            <th className="py-1 pr-3">电子邮件</th>
            <th className="py-1">短信</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind} className="border-t border-slate-100">
              <td className="py-2 pr-3">{k.label}</td>
              <td className="py-2 pr-3">始终</td>
              <td className="py-2 pr-3">
                <input
                  type="checkbox"
                  name={`${k.kind}.email`}
                  aria-label={`${k.label}：电子邮件`}
                  defaultChecked={k.email}
                  disabled={!email}
                />
              </td>
              <td className="py-2">
                <input
                  type="checkbox"
                  name={`${k.kind}.sms`}
                  aria-label={`${k.label}：短信`}
                  defaultChecked={k.sms}
                  disabled={!sms}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600">
        未验证的地址不能选择。含法定期限的告知与决定除站内信外须至少通过一种已验证的方式送达；短信不在 22:00
        至次日 08:00 发送。
      </p>
    </ActionForm>
  );
}
