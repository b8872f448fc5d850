"use server";

import { signOut } from "@/server/auth";
import { currentUser } from "@/server/auth/guard";
import { requestFromThisSite, requestMeta } from "@/server/auth/request-meta";
import { getDb } from "@/server/db";
import { closeSession } from "@/server/services/sessions";

export async function signOutAction(): Promise<void> {
  if (!(await requestFromThisSite())) return; // a cross-site POST must not sign anyone out
  const user = await currentUser();
  if (user) {
    await closeSession(await getDb(), { sid: user.sessionId, ...(await requestMeta()) });
  }
  await signOut({ redirectTo: "/admin/login?reason=revoked" });
}
