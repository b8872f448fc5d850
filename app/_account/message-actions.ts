"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ALL_ROLES } from "@/lib/access/roles";
import { idField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { markMessageRead } from "@/server/services/notify/read-message";

/** The read receipt of a 站内信, sent by the page once it is shown (never by a prefetch). */
export const markReadAction = action(
  z.object({ id: idField("消息") }),
  { roles: ALL_ROLES },
  async (input, ctx) => {
    await markMessageRead(ctx, input);
    // the unread count in the header
    revalidatePath("/", "layout");
    return { ok: true, message: "" };
  },
);
