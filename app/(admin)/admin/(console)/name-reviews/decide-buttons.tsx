"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { decideNameReviewAction } from "./actions";

export function DecideButtons({ id }: { id: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideNameReviewAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        name="event"
        value="rename"
        disabled={pending}
        className="rounded border border-brand-700 px-2 py-1 text-brand-700"
      >
        采用新名称
      </button>
      <button
        type="submit"
        name="event"
        value="keep"
        disabled={pending}
        className="rounded border border-slate-400 px-2 py-1"
      >
        保留原名称
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className="text-sm">
          {state.message}
        </span>
      )}
    </form>
  );
}
