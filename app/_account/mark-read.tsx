"use client";

import { useEffect } from "react";
import { markReadAction } from "./message-actions";

/** Records that the message was opened, once it is on the screen. */
export function MarkRead({ id }: { id: number }) {
  useEffect(() => {
    const form = new FormData();
    form.set("id", String(id));
    void markReadAction(null, form);
  }, [id]);
  return null;
}
