import { hasAnyRole } from "@/lib/access/roles";
import { intParam } from "@/lib/web/query-string";
import { FILE_CONTENT_SECURITY_POLICY } from "@/lib/web/security-headers";
import { currentUser } from "@/server/auth/guard";
import { readCaseFile } from "@/server/case-files";
import { apiError, safeHandler } from "@/server/http/api";
import { getNewsAttachment } from "@/server/queries/news";

/** A news item's PDF: anyone's once the item is published; before that, only an editor's (issue 13 §3). */
export const GET = safeHandler(async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const id = intParam((await params).id);
  if (id === undefined) return apiError(404, "unknown_attachment", "附件不存在。");
  const user = await currentUser();
  const editor = user !== null && hasAnyRole(user, ["editor"]);
  const a = await getNewsAttachment(id, !editor);
  if (!a) return apiError(404, "unknown_attachment", "附件不存在，或所属稿件尚未发布。");
  const bytes = await readCaseFile(a.storagePath);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      "Cache-Control": a.status === "published" ? "public, max-age=300" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_CONTENT_SECURITY_POLICY,
    },
  });
});
