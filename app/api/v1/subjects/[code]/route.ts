import { z } from "zod";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { today } from "@/server/clock";
import { apiError, publicGet, publicJson } from "@/server/http/api";
import { getSubjectProfile } from "@/server/queries/profile";

/** GET /api/v1/subjects/{uscc} — a subject's public credit profile; lower case and spaces answer the same. */
export const GET = publicGet(
  z.object({}),
  async (_q, _req, { params }: { params: Promise<{ code: string }> }) => {
    const code = parseSubjectCode((await params).code);
    if (code.kind === "invalid") return apiError(400, "invalid_code", code.message);
    const profile = await getSubjectProfile({ code, today: today() });
    if (!profile)
      return apiError(404, "not_found", "未找到该信用主体：代码格式正确，但本平台没有该主体的信用信息。");
    return publicJson(profile);
  },
);
