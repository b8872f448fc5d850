"use client";

import { EventForm } from "@/components/action-form";
import { newsStatusAction } from "../actions";

/** 发布, or 撤回 confirmed first: it takes the item off the site, the home page and the feed. */
export function StatusForm({
  id,
  title,
  event,
}: {
  id: number;
  title: string;
  event: "publish" | "withdraw";
}) {
  return (
    <EventForm
      action={newsStatusAction}
      hidden={{ id }}
      subjectName={title}
      events={[
        event === "publish"
          ? { event, label: "发布", reason: null, confirm: null, refused: null }
          : {
              event,
              label: "撤回",
              reason: null,
              confirm: "撤回后，该稿件将立即从网站、首页和订阅源撤下。",
              refused: null,
            },
      ]}
    >
      {null}
    </EventForm>
  );
}
