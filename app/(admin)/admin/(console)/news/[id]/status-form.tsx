"use client";

import { ActionForm } from "@/components/action-form";
import { newsStatusAction } from "../actions";

export function StatusForm({ id, event }: { id: number; event: "publish" | "withdraw" }) {
  return (
    <ActionForm
      action={newsStatusAction}
      submit={event === "publish" ? "发布" : "撤回"}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="event" value={event} />
    </ActionForm>
  );
}
