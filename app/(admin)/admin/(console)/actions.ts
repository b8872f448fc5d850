"use server";

import { signOut } from "@/server/auth";
import { currentUser } from "@/server/auth/guard";
import { requestMeta } from "@/server/auth/request-meta";
import { getDb } from "@/server/db";
import { closeSession } from "@/server/services/sessions";

export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) {
    await closeSession(await getDb(), { sid: user.sessionId, actor: user, ...(await requestMeta()) });
  }
  await signOut({ redirectTo: "/admin/login?reason=revoked" });
}
