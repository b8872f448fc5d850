"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { unwatchAction, watchAction } from "./actions";

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
