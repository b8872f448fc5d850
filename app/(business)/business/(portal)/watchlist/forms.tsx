"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { registerWebhookAction, unwatchAction, watchAction } from "./actions";

export function WatchForm({ uscc }: { uscc?: string }) {
  return (
    <ActionForm action={watchAction} submit="关注" className="flex flex-wrap items-end gap-3">
      <StateField
        label="统一社会信用代码"
        name="uscc"
        required
        maxLength={18}
        className="w-72"
        defaultValue={uscc}
      />
    </ActionForm>
  );
}

export function UnwatchForm({ subjectId, name }: { subjectId: number; name: string }) {
  return (
    <form action={async (f) => void (await unwatchAction(null, f))}>
      <input type="hidden" name="subjectId" value={subjectId} />
      <button type="submit" className="text-sm text-brand-700 underline" aria-label={`取消关注 ${name}`}>
        取消关注
      </button>
    </form>
  );
}

export function WebhookForm() {
  return (
    <ActionForm
      action={registerWebhookAction}
      submit="登记推送地址"
      className="flex flex-wrap items-end gap-3"
      done={(answer) => {
        const secret = answer.data?.secret as string | undefined;
        return secret ? (
          <div
            role="status"
            className="space-y-2 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950"
          >
            <p>{answer.message}</p>
            <p className="break-all font-mono text-base" data-testid="webhook-secret">
              {secret}
            </p>
            <p>
              每次推送以 POST 发送 JSON，请求头 X-Timestamp 为时间戳，X-Signature 为 sha256=
              加上以该密钥对“时间戳.请求体”计算的 HMAC-SHA-256（十六进制）。请核对签名后再处理。
            </p>
          </div>
        ) : null;
      }}
    >
      <StateField
        label="推送地址（https://）"
        name="url"
        type="url"
        inputMode="url"
        required
        maxLength={500}
        className="min-w-72 flex-1"
        placeholder="https://example.cn/credit-hook"
      />
    </ActionForm>
  );
}
