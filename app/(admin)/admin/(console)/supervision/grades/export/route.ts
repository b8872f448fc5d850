import { chinaIso } from "@/lib/calendar/dates";
import { GRADE_LABELS } from "@/lib/grading/grading";
import { industryLabel } from "@/lib/subjects/industries";
import { GRADE_CONSEQUENCES } from "@/lib/supervision/consequences";
import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { consoleRoute } from "@/server/http/console-route";
import { gradeListBatches } from "@/server/queries/supervision";
import { gradeListParams } from "../filters";

/** Issue 12 §6: the 分级分类监管名单 as filtered, with each grade's consequence, streamed for Excel. */
export const GET = consoleRoute(["supervisor"], async ({ request, user }) => {
  const f = gradeListParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const batches = gradeListBatches({ actor: user, filter: f });
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const head = [
          "统一社会信用代码",
          "主体名称",
          "地区",
          "行业",
          "信用等级",
          "得分",
          "监管措施",
          "规则版本",
          "评价时间",
        ];
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(head)));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) =>
        csvRow([
          r.uscc,
          r.name,
          r.regionName,
          industryLabel(r.industry),
          `${r.grade}（${GRADE_LABELS[r.grade]}）`,
          r.score,
          GRADE_CONSEQUENCES[r.grade],
          r.ruleVersion,
          chinaIso(r.computedAt),
        ]),
      );
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="grade-list.csv"`,
      "cache-control": "no-store",
    },
  });
});
