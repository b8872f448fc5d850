import { requestMeta } from "@/server/auth/request-meta";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { consoleRoute } from "@/server/http/console-route";
import { pdfResponse } from "@/server/http/pdf-response";
import { issueOwnReport } from "@/server/services/reports";

/** Issue 13 §1: a business's own copy — what is public, and apart from it, its records that are not. */
export const GET = consoleRoute(["business"], async ({ user }) => {
  const ctx = { db: await getDb(), actor: user, meta: await requestMeta(), today: today() };
  return pdfResponse(await issueOwnReport(ctx));
});
