import { NEWS_FORM_MAX_BYTES, newsFormSizeProblem } from "@/lib/content/news";
import { readLimitedBody } from "@/server/body-limit";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { saveNewsForm } from "../save-news";

/**
 * Issue 13 §3 with issue 20 N8: an editor's item and its PDF attachments, as multipart. Guarded like every console
 * route (Origin, session, role) before a byte is read; the body is counted as it arrives and refused with a Chinese
 * 413 past 52 MB; the form then goes through the same wrapper as an action (zod, the service, field messages).
 */
export const POST = consoleRoute(["editor"], async ({ request }) => {
  const body = await readLimitedBody(request, NEWS_FORM_MAX_BYTES, newsFormSizeProblem);
  const form = await new Request(request.url, {
    method: "POST",
    headers: { "content-type": request.headers.get("content-type") ?? "" },
    body: new Uint8Array(body),
  })
    .formData()
    .catch(() => {
      throw new AppError("invalid", "稿件表单无法解析，请刷新页面后重新提交。");
    });
  return Response.json(await saveNewsForm(null, form));
});
