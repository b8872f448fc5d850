import { isDrawNo } from "@/lib/supervision/labels";
import { apiError, safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";

/** A GET on one published draw: rate-limited, and a 404 that says why for a number that is no published draw. */
export function publishedDrawRoute<T>(
  load: (no: string) => Promise<T | null>,
  respond: (draw: T) => Response,
) {
  return safeHandler(async function publishedDraw(
    request: Request,
    { params }: { params: Promise<{ no: string }> },
  ) {
    const limited = await rateLimited(request);
    if (limited) return limited;
    const no = (await params).no;
    const draw = isDrawNo(no) ? await load(no) : null;
    if (!draw) return apiError(404, "unknown_draw", `没有编号为 ${no.slice(0, 20)} 的已公示抽查。`);
    return respond(draw);
  });
}
